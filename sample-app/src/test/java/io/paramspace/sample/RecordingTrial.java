package io.paramspace.sample;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.RandomTrial;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A seeded {@link RandomTrial} that records every question asked of it, and its answer. */
final class RecordingTrial implements Trial {
  /** One question: the parameter name, the space asked for and the answer given. */
  record Question(String name, Space space, Object answer) {}

  private final RandomTrial random;
  private final List<Question> questions = new ArrayList<>();

  RecordingTrial(long seed) {
    this.random = new RandomTrial(seed);
  }

  @Override
  public double suggestFloat(String name, FloatSpace space) {
    double answer = random.suggestFloat(name, space);
    questions.add(new Question(name, space, answer));
    return answer;
  }

  @Override
  public long suggestInt(String name, IntSpace space) {
    long answer = random.suggestInt(name, space);
    questions.add(new Question(name, space, answer));
    return answer;
  }

  @Override
  public <T> T suggestCategorical(String name, CategoricalSpace<T> space) {
    T answer = random.suggestCategorical(name, space);
    questions.add(new Question(name, space, answer));
    return answer;
  }

  List<Question> questions() {
    return List.copyOf(questions);
  }

  List<String> names() {
    return questions.stream().map(Question::name).toList();
  }

  /** The answers by name, as a study would store them for a {@code ReplayTrial}. */
  Map<String, Object> answers() {
    Map<String, Object> answers = new LinkedHashMap<>();
    questions.forEach(q -> answers.put(q.name(), q.answer()));
    return answers;
  }
}
