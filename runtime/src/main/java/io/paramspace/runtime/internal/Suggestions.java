package io.paramspace.runtime.internal;

import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for misspelt keys. The processor has its own copy of the edit distance: it must
 * not depend on the runtime, and the few lines are not worth a shared artifact.
 */
public final class Suggestions {
  private Suggestions() {}

  /** " Did you mean "x"?" for the closest name within a few edits, else the list of names. */
  public static String didYouMean(String wrong, List<String> names) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = wrong.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, wrong.length() / 2);
    for (String name : names) {
      String candidate = name.toLowerCase(Locale.ROOT);
      // A prefix ("Conv" for "ConvConfig") is as good a hint as a typo.
      boolean prefix = candidate.startsWith(lower) && !lower.isEmpty();
      // The lengths bound the distance from below: a huge key is not compared letter by letter.
      int atLeast = Math.abs(lower.length() - candidate.length());
      if (!prefix && (atLeast > limit || atLeast >= bestDistance)) {
        continue;
      }
      int distance = prefix ? 1 : editDistance(lower, candidate);
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    if (best == null || bestDistance > limit) {
      return names.isEmpty() ? "" : " Known: " + String.join(", ", names) + ".";
    }
    return " Did you mean \"" + best + "\"?";
  }

  /** Levenshtein distance. */
  public static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
