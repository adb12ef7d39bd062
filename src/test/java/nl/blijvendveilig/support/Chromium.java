package nl.blijvendveilig.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver ({@code .ci/run} installs them with apt-get), headless, never a
 * downloaded browser. Without them the browser tests are skipped, unless {@code -Dbrowser.required=true}
 * (as in CI) makes that a failure.
 */
public final class Chromium {

  static final String BROWSER = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";
  public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private Chromium() {
  }

  public static ChromeDriver start() {
    boolean installed = new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
    if (Boolean.getBoolean("browser.required")) {
      if (!installed) {
        throw new IllegalStateException("Chromium and ChromeDriver are needed: apt-get install chromium chromium-driver");
      }
    } else {
      Assumptions.assumeTrue(installed, "Chromium not installed (apt-get install chromium chromium-driver)");
    }
    try {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER);
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
          "--window-size=1400,1000", "--lang=nl-NL",
          "--user-data-dir=" + Files.createTempDirectory("chromium-profile").toAbsolutePath());
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
          .usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().implicitlyWait(Duration.ZERO);
      return driver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kept as test output: what the browser showed at this step. */
  public static void screenshot(ChromeDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
