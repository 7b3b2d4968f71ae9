package io.paramspace.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Trial that writes down every question (kind, name, space) and answers with a value set for
 * the name, or else the space's minimum or last choice.
 */
public final class RecordingTrial implements Trial {
  public record Question(String kind, String name, Space space) {}

  private final List<Question> questions = new ArrayList<>();
  private final Map<String, Object> answers = new HashMap<>();

  public RecordingTrial answer(String name, Object value) {
    answers.put(name, value);
    return this;
  }

  public List<Question> questions() {
    return questions;
  }

  public List<String> names() {
    return questions.stream().map(Question::name).toList();
  }

  @Override
  public double suggestFloat(String name, FloatSpace space) {
    questions.add(new Question("float", name, space));
    return ((Number) answers.getOrDefault(name, space.min())).doubleValue();
  }

  @Override
  public long suggestInt(String name, IntSpace space) {
    questions.add(new Question("int", name, space));
    return ((Number) answers.getOrDefault(name, space.min())).longValue();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T suggestCategorical(String name, CategoricalSpace<T> space) {
    questions.add(new Question("categorical", name, space));
    return (T) answers.getOrDefault(name, space.choices().get(space.choices().size() - 1));
  }
}
