package nl.blijvendveilig.platform;

import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * An element of a model being deployed, as {@link ModelHooks} see it: what it declares, and where
 * listeners are added. Listeners are "built-in" unless said otherwise: they run even when a caller
 * skips custom listeners (a migration, a modification).
 */
public final class ModelElement {

  /** The form of a user task, kept on the parsed task so that a boundary event on it can find it. */
  static final String FORM_REF = "blijvendveilig.formRef";

  private final Element element;
  private final ScopeImpl scope;
  private final CoreModelElement parsed;

  ModelElement(Element element, ScopeImpl scope, CoreModelElement parsed) {
    this.element = element;
    this.scope = scope;
    this.parsed = parsed;
  }

  public String id() {
    return parsed.getId();
  }

  /** The element's Camunda Form ({@code camunda:formRef}), or {@code null}. */
  public String formRef() {
    return formRef(element);
  }

  static String formRef(Element element) {
    String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
    return formRef == null || formRef.isBlank() ? null : formRef;
  }

  /** A boundary event's: the Camunda Form of the user task it is attached to, or {@code null}. */
  public String formRefOfAttachedTask() {
    return parsed instanceof ActivityImpl boundaryEvent && boundaryEvent.getEventScope() instanceof ActivityImpl task
        && task.getProperty(FORM_REF) instanceof String formRef ? formRef : null;
  }

  /** Whether the (boundary or start) event waits for a message. */
  public boolean isMessageEvent() {
    return element.element("messageEventDefinition") != null;
  }

  /** Whether the element is inside an event subprocess (it can happen "at any moment" of its scope). */
  public boolean inEventSubProcess() {
    return scope instanceof ActivityImpl subProcess && subProcess.isTriggeredByEvent();
  }

  /** A user task's candidate groups as written in the model (an expression's text, or a group id). */
  public List<String> candidateGroups() {
    return userTask() == null ? List.of()
        : userTask().getTaskDefinition().getCandidateGroupIdExpressions().stream()
            .map(Expression::getExpressionText).toList();
  }

  /** An execution listener that runs only when custom listeners are not skipped. */
  public void addListener(String eventName, ExecutionListener listener) {
    parsed.addListener(eventName, listener);
  }

  public void addBuiltInListener(String eventName, ExecutionListener listener) {
    parsed.addBuiltInListener(eventName, listener);
  }

  /** A user task's task listener (nothing for other elements). */
  public void addTaskListener(String eventName, TaskListener listener) {
    if (userTask() != null) {
      userTask().getTaskDefinition().addBuiltInTaskListener(eventName, listener);
    }
  }

  private UserTaskActivityBehavior userTask() {
    return parsed instanceof ActivityImpl activity && activity.getActivityBehavior() instanceof UserTaskActivityBehavior task
        ? task : null;
  }
}
