package nl.blijvendveilig.conventions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One package, {@code nl.blijvendveilig.platform}, is the only code that touches Camunda's internals
 * (its {@code impl} packages) or knows Camunda's URL paths: an engine upgrade or a move to the
 * Operaton fork then has one surface to port. Everything else uses Camunda's public API and the
 * platform's hooks.
 */
class PlatformBoundaryTest {

  static final List<String> URL_PATHS = List.of("\"/engine-rest", "\"/camunda/");

  @Test
  void onlyThePlatformDependsOnCamundasInternals() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("nl.blijvendveilig");

    noClasses().that().resideInAPackage("nl.blijvendveilig..")
        .and().resideOutsideOfPackage("nl.blijvendveilig.platform..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.camunda.bpm.engine.impl..",
            "org.camunda.bpm.webapp.impl..",
            "org.camunda.bpm.impl..",
            "org.camunda.bpm.engine.rest.impl..",
            "org.camunda.spin.impl..",
            "org.camunda..impl..")
        .because("only nl.blijvendveilig.platform may touch Camunda's internals")
        .check(classes);
  }

  /** A string literal naming one of Camunda's URL paths, outside the platform package. */
  @Test
  void onlyThePlatformKnowsCamundasUrlPaths() throws IOException {
    Path main = Path.of("src/main/java/nl/blijvendveilig");
    Path platform = main.resolve("platform");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(main)) {
      offenders = files.filter(file -> file.toString().endsWith(".java") && !file.startsWith(platform))
          .filter(PlatformBoundaryTest::namesACamundaPath)
          .map(Path::toString)
          .sorted()
          .toList();
    }
    assertThat(offenders).as("sources outside nl.blijvendveilig.platform with a Camunda URL path (%s)", URL_PATHS)
        .isEmpty();
  }

  private static boolean namesACamundaPath(Path file) {
    try {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      return URL_PATHS.stream().anyMatch(source::contains);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
