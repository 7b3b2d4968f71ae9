package io.paramspace.study.storage;

import io.paramspace.study.Direction;
import java.util.List;

/** A stored study: its storage id, its unique name and one direction per objective. */
public record StudyRecord(long id, String name, List<Direction> directions) {
  public StudyRecord {
    directions = List.copyOf(directions);
  }
}
