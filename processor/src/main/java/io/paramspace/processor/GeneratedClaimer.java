package io.paramspace.processor;

import com.google.auto.service.AutoService;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Claims the JDK's {@code @Generated} in a round where every class carrying it is a space
 * Paramspace generated, so that javac's {@code -Xlint:processing} ("No processor claimed any of
 * these annotations"), and with it {@code -Xlint:all -Werror}, stays quiet about the annotation
 * Paramspace itself put there. A {@code @Generated} written by anyone else is left unclaimed, for
 * other processors (and for javac to report). It is a processor of its own because a processor
 * claims all the annotations of a round or none: {@link SearchSpaceProcessor} keeps claiming its
 * own annotations even in a round where this one must not claim {@code @Generated}.
 */
@AutoService(Processor.class)
public final class GeneratedClaimer extends AbstractProcessor {
  static final String GENERATED = "javax.annotation.processing.Generated";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(GENERATED);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (annotations.isEmpty()) {
      return false;
    }
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (!generatedByParamspace(element)) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code @Generated("io.paramspace.processor.SearchSpaceProcessor")}, as spaces are written. */
  private static boolean generatedByParamspace(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (!type.getQualifiedName().contentEquals(GENERATED)) {
        continue;
      }
      for (var entry : mirror.getElementValues().entrySet()) {
        if (entry.getKey().getSimpleName().contentEquals("value")
            && entry.getValue().getValue() instanceof List<?> values) {
          return values.stream()
              .anyMatch(v -> ((AnnotationValue) v).getValue().equals(SearchSpaceProcessor.class.getName()));
        }
      }
    }
    return false;
  }
}
