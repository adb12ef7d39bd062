package nl.blijvendveilig.browser;

import static nl.blijvendveilig.support.CaseDriver.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import nl.blijvendveilig.support.Answers;
import nl.blijvendveilig.support.CaseDriver;
import nl.blijvendveilig.support.Chromium;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.Meldingen;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In a real browser (Debian's Chromium), as the workers do it: the intake registers a melding with
 * Tasklist's start form, the teamleider assigns the case, the jeugdbeschermer records a contact with a
 * safety score and opens the case page with its chart, the teamleider reads the dashboard, and another
 * jeugdbeschermer is refused the case page. The steps between (assessment, Raad, court) run through
 * the engine, as other workers would do them. Screenshots are kept in target/browser-screenshots.
 */
@PostgresIntegrationTest
class TasklistBrowserIT {

  static final LocalDateTime MELDING = LocalDateTime.of(2026, 4, 22, 10, 0);
  static final Duration PATIENCE = Duration.ofSeconds(30);

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.registerOwn(registry, "browser");
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    browser = Chromium.start();
    wait = new WebDriverWait(browser, PATIENCE);
    ClockUtil.setCurrentTime(at(MELDING));
  }

  @AfterEach
  void closeBrowser() {
    ClockUtil.reset();
    if (browser != null) {
      Chromium.screenshot(browser, "zz-last-step");
      browser.quit();
    }
  }

  @Test
  void aFamilyFromMeldingToTheCasePageAndTheDashboardAsTheWorkersDoIt() {
    // intake registers the melding with the start form
    loginToTasklist("ingrid");
    click(By.xpath("//a[contains(., 'Start process')]"));
    click(By.xpath("//div[contains(@class,'modal')]//a[contains(., 'Jeugdbeschermingszaak')]"));
    type("melderNaam", "Mw. Bakker");
    choose("melderRelatie", "Leerkracht / school");
    type("melderContact", "06-12345678");
    type("gezinsnaam", "De Vries");
    type("woonplaats", "Leiden");
    type("voornaam_0", "Sanne");
    type("achternaam_0", "de Vries");
    WebElement birthDate = visible(By.cssSelector("[id$='-Field_geboortedatum_0-date']"));
    birthDate.sendKeys("03/14/2018", Keys.ENTER);
    type("bsn_0", "111222333");
    type("zorgen", "Sanne kwam drie keer deze maand met blauwe plekken op haar armen op school.");
    click(By.cssSelector("[id$='-Field_oudersGeinformeerd-0']"));
    Chromium.screenshot(browser, "01-melding-registreren");
    click(By.cssSelector("button.fjs-button"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "The process has been started"));
    String caseNumber = jdbc.sql("select case_number from bv_case order by opened_at desc").query(String.class).list().get(0);
    assertThat(caseNumber).startsWith("JB-2026-");

    // assessment, Raad and court by the others; then the teamleider assigns the case in Tasklist
    CaseDriver zaak = CaseDriver.of(engine, caseNumber);
    zaak.runAsyncSteps();
    zaak.toCourt().complete("Task_RegisterDecision", Answers.ots("2026-05-01", "2027-05-01"));
    loginToTasklist("tessa");
    openTask("Taken van mijn team", "Jeugdbeschermer toewijzen");
    assertThat(formHeader()).contains("Zaak " + caseNumber, "gezin De Vries", "Zaakpagina openen");
    click(By.xpath("//*[self::a or self::button][normalize-space()='Claim']"));
    type("jeugdbeschermer", "jan");
    Chromium.screenshot(browser, "02-jeugdbeschermer-toewijzen");
    click(By.xpath("//button[normalize-space()='Complete']"));
    wait.until(d -> zaak.openTasks("Task_HomeVisit").size() == 1);
    zaak.runAsyncSteps();

    // a week later the jeugdbeschermer records the contact moment with a safety score
    zaak.timePasses(MELDING.plusWeeks(1).plusHours(1));
    loginToTasklist("jan");
    openTask("Mijn taken", "Contactmoment vastleggen");
    assertThat(formHeader()).contains("Zaak " + caseNumber, "Fase 1: verbinden en motiveren");
    assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-Field_leefgebied_0']")))
        .findElement(By.xpath(".."))
        .getText()).as("the life areas come from the plan").contains("Veiligheid");
    choose("contactType", "Huisbezoek");
    click(By.cssSelector("[id$='-Field_aanwezigen-0']"));
    type("veiligheidsscore", "7");
    type("contactVerslag", "Gesproken over de afspraken van deze week; oma komt elke avond.");
    Chromium.screenshot(browser, "03-contactmoment-vastleggen");
    click(By.xpath("//button[contains(@class,'fjs-button') and normalize-space()='Afronden']"));
    wait.until(d -> zaak.openTasks("Task_RecordContact").isEmpty());
    zaak.runAsyncSteps();

    // the case page, from the link in the form, with the safety scores as a chart
    browser.get(base("/cases/" + caseNumber));
    visible(By.id("scores-chart"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("scores-summary"), "2 scores, laatste 7"));
    assertThat(browser.findElement(By.id("case-title")).getText()).contains(caseNumber, "De Vries");
    assertThat(browser.findElement(By.id("phase")).getText()).isEqualTo("Fase 1: verbinden en motiveren");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Huisbezoek afleggen", "Contactmoment vastleggen");
    click(By.id("show-revisions"));
    Chromium.screenshot(browser, "04-zaakpagina");

    // the teamleider logs in on the dashboard itself
    browser.manage().deleteAllCookies();
    browser.get(base("/dashboard"));
    visible(By.cssSelector("#login input[name=username]")).sendKeys("tessa");
    browser.findElement(By.cssSelector("#login input[name=password]")).sendKeys("demo");
    click(By.cssSelector("#login button[type=submit]"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#figure-openCases .figure"), "1"));
    visible(By.id("chart-fasen"));
    assertThat(browser.findElement(By.id("table-caseload")).getText()).contains("jan");
    Chromium.screenshot(browser, "05-dashboard");

    // another jeugdbeschermer is refused the case page
    loginToTasklist("joke");
    browser.get(base("/cases/" + caseNumber));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "geen toegang"));
    Chromium.screenshot(browser, "06-zaakpagina-geweigerd");

    // the teamleider sees the running case on the diagram in Cockpit
    loginTo("cockpit", "tessa");
    browser.get(base("/camunda/app/cockpit/default/#/process-definition/"
        + engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("fase-1-verbinden-en-motiveren")
            .latestVersion().singleResult().getId() + "/runtime"));
    visible(By.cssSelector("[data-element-id='Task_HomeVisit']"));
    visible(By.cssSelector(".djs-overlays .badge"));
    Chromium.screenshot(browser, "07-cockpit-fase-1");
  }

  private void loginToTasklist(String user) {
    loginTo("tasklist", user);
    visible(By.xpath("//a[contains(., 'Start process')]"));
  }

  private void loginTo(String app, String user) {
    browser.manage().deleteAllCookies();
    browser.get(base("/camunda/app/" + app + "/default/"));
    visible(By.cssSelector("input[ng-model=username]")).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
    click(By.cssSelector("button[type=submit]"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=password]")));
  }

  private void openTask(String filter, String taskName) {
    click(By.xpath("//div[contains(@class,'task-filter')][contains(., '" + filter + "')]"));
    click(By.xpath("//ol[contains(@class,'tasks-list')]//a[normalize-space()='" + taskName + "']"));
    visible(By.cssSelector(".fjs-container"));
  }

  private String formHeader() {
    return wait.until(d -> {
      List<WebElement> texts = d.findElements(By.cssSelector(".fjs-container .fjs-form-field-text"));
      return texts.isEmpty() || texts.get(0).getText().contains("{{") ? null : texts.get(0).getText();
    });
  }

  private void type(String key, String text) {
    By by = By.cssSelector("[id$='-Field_" + key + "']");
    // form-js commits a field after a pause and then renders the form again: a field typed in the
    // meantime may lose its text, so type it until it stays
    wait.until(d -> {
      WebElement field = d.findElement(by);
      scrollTo(field);
      if (!text.equals(field.getDomProperty("value"))) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text, Keys.TAB);
      }
      pause(Duration.ofMillis(600));
      return text.equals(d.findElement(by).getDomProperty("value"));
    });
  }

  /** A form-js select: open its list (focus may have opened it already), pick the option. */
  private void choose(String key, String option) {
    WebElement select = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-Field_" + key + "']")))
        .findElement(By.xpath(".."));
    By item = By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + option + "']");
    scrollTo(select);
    if (browser.findElements(item).isEmpty()) {
      select.click();
    }
    click(item);
  }

  private void click(By by) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
    scrollTo(element);
    element.click();
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void scrollTo(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private String base(String path) {
    return "http://localhost:" + port + path;
  }
}
