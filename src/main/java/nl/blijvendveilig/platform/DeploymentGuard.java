package nl.blijvendveilig.platform;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.blijvendveilig.formdata.RejectedInput;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * No deployment brings code that nobody reviewed. Before the engine deploys anything, every resource is
 * read; a deployment is refused whole (nothing deployed, a 400 naming each element) when it has
 * <ul>
 *   <li>a resource other than a model ({@code .bpmn}, {@code .dmn}), a Camunda Form ({@code .form}) or
 *       a diagram image ({@code .png}): no scripts, no HTML forms, no CMMN;</li>
 *   <li>a script anywhere: a script task, a script listener or input/output, a condition with a script
 *       language, an external script ({@code camunda:resource});</li>
 *   <li>a Java class outside the project ({@code camunda:class}), or an embedded/app form
 *       ({@code camunda:formKey});</li>
 *   <li>a decision expression in another language than FEEL;</li>
 *   <li>an expression outside {@link ExpressionRules#refusalForModel}.</li>
 * </ul>
 * The application's own models pass through the same check when it starts.
 */
public class DeploymentGuard implements Deployer {

  static final Set<String> RESOURCE_TYPES = Set.of(".bpmn", ".dmn", ".form", ".png");
  /** Camunda reads its extension attributes in either namespace (the second is Activiti's, kept for old models). */
  static final Set<String> CAMUNDA_NS = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
  static final String PROJECT_PACKAGE = "nl.blijvendveilig.";

  private final ExpressionRules.Beans beans;

  public DeploymentGuard(ApplicationContext context) {
    this.beans = new ExpressionRules.Beans(name -> modelBean(context, name), context::containsBean);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, String> refusals = new LinkedHashMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      check(resource.getName(), resource.getBytes(), refusals);
    }
    if (!refusals.isEmpty()) {
      throw new RejectedInput(refusals);
    }
  }

  void check(String name, byte[] content, Map<String, String> refusals) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (RESOURCE_TYPES.stream().noneMatch(lower::endsWith)) {
      refusals.put(name, "dit soort bestand wordt niet gedeployd: alleen .bpmn, .dmn, .form en .png");
      return;
    }
    if (lower.endsWith(".bpmn") || lower.endsWith(".dmn")) {
      Document document = parse(content);
      if (document == null) {
        refusals.put(name, "geen leesbare XML");
        return;
      }
      checkElement(name, document.getDocumentElement(), lower.endsWith(".dmn"), refusals);
    }
  }

  private void checkElement(String resource, Element element, boolean decision, Map<String, String> refusals) {
    String where = resource + "#" + idOf(element);
    String local = element.getLocalName();
    if ("scriptTask".equals(local) || "script".equals(local)) {
      refusals.putIfAbsent(where, "scripts zijn niet toegestaan (" + local + ")");
    }
    if ("formKey".equals(local)) {
      refusals.putIfAbsent(where, "formulieren komen uit forms/ (camunda:formRef), niet uit een formKey");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String attributeName = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
      String value = attribute.getValue();
      switch (attributeName) {
        case "scriptFormat", "resource" -> refusals.putIfAbsent(where, "scripts zijn niet toegestaan (" + attributeName + ")");
        case "language" -> {
          if ("conditionExpression".equals(local) || attribute.getNamespaceURI() != null
              && CAMUNDA_NS.contains(attribute.getNamespaceURI())) {
            refusals.putIfAbsent(where, "een voorwaarde in een scripttaal is niet toegestaan");
          }
        }
        case "class", "variableMappingClass" -> {
          // camunda:class on a task, and the unqualified class of a camunda:taskListener or executionListener
          boolean camunda = attribute.getNamespaceURI() != null ? CAMUNDA_NS.contains(attribute.getNamespaceURI())
              : element.getNamespaceURI() != null && CAMUNDA_NS.contains(element.getNamespaceURI());
          if (camunda && !value.startsWith(PROJECT_PACKAGE)) {
            refusals.putIfAbsent(where, "Java-klasse '" + value + "' hoort niet bij het project");
          }
        }
        case "formKey" -> refusals.putIfAbsent(where,
            "formulieren komen uit forms/ (camunda:formRef), niet uit een formKey");
        case "expressionLanguage" -> {
          if (decision && !value.toLowerCase(Locale.ROOT).contains("feel")) {
            refusals.putIfAbsent(where, "beslisregels alleen in FEEL, niet in '" + value + "'");
          }
        }
        default -> checkExpression(where, value, refusals);
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        checkElement(resource, childElement, decision, refusals);
      } else if (!decision && (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)) {
        checkExpression(where, child.getNodeValue(), refusals);
      }
    }
  }

  private void checkExpression(String where, String text, Map<String, String> refusals) {
    if (text != null && (text.contains("${") || text.contains("#{"))) {
      ExpressionRules.refusalForModel(text.strip(), beans).ifPresent(reason -> refusals.putIfAbsent(where, reason));
    }
  }

  /** The project's beans marked {@link ForModels}. */
  static boolean modelBean(ApplicationContext context, String name) {
    if (!context.containsBean(name)) {
      return false;
    }
    Class<?> type = context.getType(name);
    return type != null && type.getName().startsWith(PROJECT_PACKAGE) && type.isAnnotationPresent(ForModels.class);
  }

  private static String idOf(Element element) {
    for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
      if (current.hasAttribute("id")) {
        return current.getAttribute("id");
      }
    }
    return element.getLocalName();
  }

  private static Document parse(byte[] content) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // text as the engine's parser reads it: CDATA and the text around a comment are one text
      factory.setCoalescing(true);
      factory.setIgnoringComments(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      Document document = builder.parse(new ByteArrayInputStream(content));
      document.normalizeDocument();
      return document;
    } catch (Exception unreadable) {
      return null;
    }
  }
}
