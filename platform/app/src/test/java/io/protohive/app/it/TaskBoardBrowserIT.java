package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A tenant admin watches an organization's task board while the same admin changes a task over the
 * API, as a script or another device would: the card moves to its new column by server push,
 * without a reload, and a comment appears in the task's open details. A second session of the admin
 * creates a task in the board's dialog; it shows in both sessions' boards. No task there has an
 * agent assignee, so the board changes only as the test changes it.
 *
 * <p>Then an agent works on a task with the scripted model: its call of a tool the tenant holds for
 * approval waits on the board until the admin approves it in the task's details, and the agent
 * finishes the task, which the board and the open details follow live.
 */
@ExtendWith(ArquillianExtension.class)
class TaskBoardBrowserIT {

  private static final String TITLE = "Write the launch post";
  private static final String COMMENT = "Keep it under 300 words, please.";
  private static final String PLANNED = "Plan the launch party";
  private static final String SCRIPTED = "io.protohive.plugins.llm-scripted";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Browser watcher;
  private Browser planner;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void openBrowsers() {
    watcher = new Browser();
    planner = new Browser();
  }

  @AfterEach
  void closeBrowsers() {
    try {
      watcher.close();
    } finally {
      planner.close();
    }
  }

  @Test
  void theBoardFollowsChangesMadeElsewhereWithoutAReload() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("tasks");
    String[] api = admin.bearer();
    HttpResponse<String> created =
        Platform.post(
            "api/v1/organizations", "{\"name\":\"Rocket\",\"template\":\"software-startup\"}", api);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String organization = Platform.json(created).get("id").asText();
    HttpResponse<String> task =
        Platform.post(
            "api/v1/organizations/" + organization + "/tasks",
            "{\"title\":\"" + TITLE + "\",\"status\":\"TODO\",\"assigneeUserId\":null}",
            api);
    assertThat(task.statusCode()).as(task.body()).isEqualTo(201);
    String taskId = Platform.json(task).get("id").asText();

    watcher.signIn(admin.email(), Accounts.PASSWORD);
    watcher.open("organizations/" + organization);
    watcher.click(By.id("organization-tasks"));
    watcher.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-board")));
    watcher.wait.until(ExpectedConditions.presenceOfElementLocated(card("TODO", taskId)));
    // a reload would lose this
    watcher.driver.executeScript("window.taskBoardNotReloaded = true;");

    HttpResponse<String> started =
        Platform.send("PATCH", "api/v1/tasks/" + taskId, "{\"status\":\"IN_PROGRESS\"}", api);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

    watcher.wait.until(ExpectedConditions.presenceOfElementLocated(card("IN_PROGRESS", taskId)));
    assertThat(watcher.driver.findElements(card("TODO", taskId))).isEmpty();
    assertThat(watcher.driver.executeScript("return window.taskBoardNotReloaded === true;"))
        .as("the card moved by push, not by a reload")
        .isEqualTo(true);

    watcher.click(card("IN_PROGRESS", taskId));
    watcher.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-comment")));
    HttpResponse<String> commented =
        Platform.post(
            "api/v1/tasks/" + taskId + "/comments", "{\"content\":\"" + COMMENT + "\"}", api);
    assertThat(commented.statusCode()).as(commented.body()).isEqualTo(201);

    await().atMost(Browser.RENDER).until(() -> commentShown().contains(COMMENT));
    assertThat(commentShown()).as("the admin's own comment, made over the API").startsWith("You");
    watcher.screenshot("task-detail.png");
    new Actions(watcher.driver).sendKeys(Keys.ESCAPE).perform();
    watcher.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("task-comment")));

    planner.signIn(admin.email(), Accounts.PASSWORD);
    planner.open("organizations/" + organization + "/tasks");
    planner.click(By.id("task-new"));
    planner.type("task-title", PLANNED);
    planner.type("task-description", "Cake for the whole team.");
    planner.select("task-priority", "High");
    planner.click(By.id("task-create"));

    // without an assignee, a new task waits in the backlog
    planner.wait.until(ExpectedConditions.presenceOfElementLocated(titled("BACKLOG", PLANNED)));
    watcher.wait.until(ExpectedConditions.presenceOfElementLocated(titled("BACKLOG", PLANNED)));
    assertThat(watcher.driver.findElement(titled("BACKLOG", PLANNED)).getText())
        .contains("High", "Unassigned");
    assertThat(watcher.driver.findElements(card("IN_PROGRESS", taskId))).hasSize(1);
    watcher.screenshot("task-board.png");
    assertThat(watcher.consoleErrors()).isEmpty();
    assertThat(planner.consoleErrors()).isEmpty();
  }

  @Test
  void anAgentsHeldToolCallIsApprovedInTheTasksDetails() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("approvals");
    String[] api = admin.bearer();
    String plan = "@Linus: call: clock_now {}\n@Linus: say: Here is the time.";
    assertThat(
            PluginsApi.configure(
                    SCRIPTED,
                    JSON.writeValueAsString(
                        Map.of(
                            "enabled",
                            true,
                            "config",
                            Map.of("tokenDelayMillis", "1", "plan", plan))),
                    api)
                .statusCode())
        .isEqualTo(200);
    assertThat(PluginsApi.configure(PluginsApi.CLOCK_ID, "{\"enabled\":true}", api).statusCode())
        .isEqualTo(200);
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/llm-route",
                    "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
                    api)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            Platform.send(
                    "PUT", "api/v1/tenant/approval-tools", "{\"toolIds\":[\"clock.now\"]}", api)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> created =
        Platform.post(
            "api/v1/organizations", "{\"name\":\"Rocket\",\"template\":\"software-startup\"}", api);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String organization = Platform.json(created).get("id").asText();

    watcher.signIn(admin.email(), Accounts.PASSWORD);
    watcher.open("organizations/" + organization + "/tasks");
    watcher.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-board")));
    watcher.driver.executeScript("window.taskBoardNotReloaded = true;");
    HttpResponse<String> task =
        Platform.post(
            "api/v1/organizations/" + organization + "/tasks",
            "{\"title\":\"Tell the time\",\"assigneeAgentId\":\""
                + agentId(organization, "Linus", api)
                + "\"}",
            api);
    assertThat(task.statusCode()).as(task.body()).isEqualTo(201);
    String taskId = Platform.json(task).get("id").asText();

    watcher.wait.until(
        ExpectedConditions.presenceOfElementLocated(card("WAITING_FOR_APPROVAL", taskId)));
    clickDrawnAfresh(card("WAITING_FOR_APPROVAL", taskId));
    watcher.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".approval .approval-tool"), "clock.now"));
    watcher.screenshot("task-approval.png");
    clickDrawnAfresh(By.cssSelector(".approval .approval-approve"));

    watcher.wait.until(ExpectedConditions.presenceOfElementLocated(card("DONE", taskId)));
    assertThat(watcher.driver.executeScript("return window.taskBoardNotReloaded === true;"))
        .as("the card moved by push, not by a reload")
        .isEqualTo(true);
    if (watcher.driver.findElements(By.id("task-comment")).isEmpty()) {
      clickDrawnAfresh(card("DONE", taskId));
    }
    watcher.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("task-result"), "Here is the time."));
    // nothing waits for a decision any more
    watcher.wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".approval")));
    watcher.click(By.cssSelector("#task-work vaadin-details-summary"));
    By answered = By.cssSelector("#task-work .work-step[data-type='TOOL_EXECUTION_RESULT']");
    watcher.wait.until(ExpectedConditions.visibilityOfElementLocated(answered));
    assertThat(watcher.driver.findElement(answered).getText()).startsWith("clock_now answered:");
    assertThat(
            watcher
                .driver
                .findElement(By.cssSelector("#task-work .work-step[data-type='USER']"))
                .getText())
        .as("the brief comes first")
        .startsWith("Brief / news")
        .contains("Tell the time");
    assertThat(
            watcher.driver.findElements(By.cssSelector("#task-work .work-call")).stream()
                .map(WebElement::getText)
                .toList())
        .containsExactly("Calls clock_now {}");
    assertThat(watcher.consoleErrors()).isEmpty();
  }

  /**
   * Clicks something the page draws afresh on each of the task's events, the board's cards and the
   * open details alike, so that it may go stale between being found and being clicked: until a
   * click lands, which happens once, as a stale element takes no click.
   */
  private void clickDrawnAfresh(By locator) {
    watcher.wait.until(ExpectedConditions.presenceOfElementLocated(locator));
    await()
        .atMost(Browser.RENDER)
        .ignoreException(StaleElementReferenceException.class)
        .until(
            () -> {
              WebElement element = watcher.driver.findElement(locator);
              watcher.driver.executeScript(
                  "arguments[0].scrollIntoView({block:'center',inline:'center'})", element);
              element.click();
              return true;
            });
  }

  private static String agentId(String organization, String name, String[] api) throws Exception {
    for (JsonNode agent :
        Platform.json(Platform.get("api/v1/organizations/" + organization + "/agents", api))
            .get("items")) {
      if (agent.get("name").asText().equals(name)) {
        return agent.get("id").asText();
      }
    }
    throw new AssertionError("No agent named " + name);
  }

  /** The text of the comment the test made in the open task's details, or nothing before. */
  private String commentShown() {
    return watcher.driver.findElements(By.cssSelector(".task-comment-item")).stream()
        .map(WebElement::getText)
        .filter(text -> text.contains(COMMENT))
        .findFirst()
        .orElse("");
  }

  /** The card of a task, in the column of a status. */
  private static By card(String status, String taskId) {
    return By.cssSelector("#column-" + status + " .task-card[data-task-id='" + taskId + "']");
  }

  /** A card with a title, in the column of a status. */
  private static By titled(String status, String title) {
    return By.xpath(
        "//*[@id='column-"
            + status
            + "']//*[contains(concat(' ', normalize-space(@class), ' '), ' task-card ')"
            + " and .//*[normalize-space()='"
            + title
            + "']]");
  }
}
