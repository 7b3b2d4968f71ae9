package io.paramspace.sweep;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.InputProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * An explicit list of configs, each checked against the space when the source is built, with
 * optional tags that apply to every config (a label for the experiment: {@code "ablation"},
 * {@code "baseline"}).
 *
 * @param <T> the config record
 */
public final class ManualSource<T> implements ConfigSequence<T> {
  private final ConfigSpace<T> space;
  private final List<T> configs;
  private final List<String> tags;

  private ManualSource(ConfigSpace<T> space, List<T> configs, List<String> tags) {
    this.space = space;
    this.configs = List.copyOf(configs);
    this.tags = List.copyOf(tags);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < this.configs.size(); i++) {
      for (InputProblem problem : space.violations(this.configs.get(i))) {
        String path = problem.path().isEmpty() ? "" : problem.path() + ": ";
        problems.add("config " + i + ": " + path + problem.message());
      }
    }
    if (!problems.isEmpty()) {
      throw new SweepException(problems.size() + (problems.size() == 1 ? " problem" : " problems")
          + " in the manual configs of " + space.typeName() + " (by index in the list):", problems);
    }
  }

  /**
   * The configs, in order, each a point of {@code space}.
   *
   * @throws SweepException with every violation of every config, each with its index
   */
  public static <T> ManualSource<T> of(ConfigSpace<T> space, List<T> configs) {
    return new ManualSource<>(space, configs, List.of());
  }

  /** As {@link #of(ConfigSpace, List)}, with tags for every config. */
  public static <T> ManualSource<T> of(ConfigSpace<T> space, List<T> configs, List<String> tags) {
    return new ManualSource<>(space, configs, tags);
  }

  @SafeVarargs
  public static <T> ManualSource<T> of(ConfigSpace<T> space, T... configs) {
    List<T> list = new ArrayList<>();
    for (T config : configs) {
      list.add(config);
    }
    return new ManualSource<>(space, list, List.of());
  }

  @Override
  public ConfigSpace<T> space() {
    return space;
  }

  @Override
  public long size() {
    return configs.size();
  }

  @Override
  public T get(long index) {
    ConfigSequence.checkIndex(index, configs.size(), "the manual source of " + space.typeName());
    return configs.get((int) index);
  }

  /** The tags of every config. */
  public List<String> tags() {
    return tags;
  }

  @Override
  public String toString() {
    return "ManualSource[" + space.typeName() + ", " + configs.size() + " configs, tags " + tags + "]";
  }
}
