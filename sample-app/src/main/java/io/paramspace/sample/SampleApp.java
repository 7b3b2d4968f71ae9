package io.paramspace.sample;

/** Prints the TrainingConfig space: its tree, its parameter names and five seeded configs. */
public final class SampleApp {
  private SampleApp() {}

  public static void main(String[] args) {
    System.out.println("== The space ==");
    System.out.print(TrainingConfigSpace.tree());
    System.out.println();
    System.out.println("== Parameter names ==");
    TrainingConfigSpace.parameterNames().forEach(System.out::println);
    System.out.println();
    System.out.println("== Five seeded configs (seeds 42 to 46) ==");
    for (long seed = 42; seed < 47; seed++) {
      System.out.println(seed + ": " + TrainingConfigSpace.random(seed));
    }
  }
}
