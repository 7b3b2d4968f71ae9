package io.paramspace.bench;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A reference point for the compile-time benchmark, not a real processor: it looks up the
 * {@code @SearchSpace} elements and generates nothing. What javac pays for it over {@code
 * -proc:none} (loading a processor, the processing rounds, keeping the trees for them) is the floor
 * that any processor pays, Paramspace's included.
 */
@SupportedAnnotationTypes(Javac.SEARCH_SPACE)
public final class NoopProcessor extends AbstractProcessor {
  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    // The lookup every processor starts with; the elements are claimed and left alone.
    for (TypeElement annotation : annotations) {
      round.getElementsAnnotatedWith(annotation);
    }
    return true;
  }
}
