package io.paramspace.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * A reference point for the compile-time benchmark, not a real processor: for each {@code
 * @SearchSpace} record it writes a {@code <Record>Space} of one method that names the record. Its
 * cost over {@link NoopProcessor} is that of generating, entering and compiling one more (tiny)
 * class per record, with plain {@code Filer} and no JavaPoet.
 */
@SupportedAnnotationTypes(Javac.SEARCH_SPACE)
public final class TrivialProcessor extends AbstractProcessor {
  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (element.getKind() == ElementKind.RECORD) {
          write((TypeElement) element);
        }
      }
    }
    return true;
  }

  private void write(TypeElement record) {
    String pkg = processingEnv.getElementUtils().getPackageOf(record).getQualifiedName().toString();
    String name = record.getSimpleName().toString();
    String space = name + "Space";
    String text = (pkg.isEmpty() ? "" : "package " + pkg + ";\n\n")
        + "public final class " + space + " {\n"
        + "  private " + space + "() {}\n\n"
        + "  public static " + name + " random(long seed) {\n"
        + "    return null;\n"
        + "  }\n"
        + "}\n";
    String qualified = pkg.isEmpty() ? space : pkg + "." + space;
    try (Writer out = processingEnv.getFiler().createSourceFile(qualified, record).openWriter()) {
      out.write(text);
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + qualified + ": " + e, record);
    }
  }
}
