package nl.blijvendveilig.platform;

import java.lang.reflect.Field;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Which expressions may run, read from the expression's syntax tree (never from its text):
 * <ul>
 *   <li><b>in a query or filter</b> only what Tasklist's filters use: {@code currentUser()},
 *       {@code currentUserGroups()}, {@code now()}, {@code dateTime()} and date arithmetic on them
 *       ({@code ${dateTime().plusDays(2)}});</li>
 *   <li><b>in a model</b> plain variable logic (variables, literals, comparisons, {@code &&}, {@code ?:}),
 *       one property of a variable ({@code #{execution.processBusinessKey}}), the functions above, and
 *       method calls on the project's own beans ({@code ${deadlines.homeVisit()}}). No method call on
 *       anything else, no property chains, no {@code class} or {@code classLoader}: that is how
 *       expressions reach {@code Runtime} and the engine's services.</li>
 * </ul>
 */
public final class ExpressionRules {

  static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");
  static final Set<String> DATE_ARITHMETIC = Set.of("plusYears", "plusMonths", "plusWeeks", "plusDays", "plusHours",
      "plusMinutes", "minusYears", "minusMonths", "minusWeeks", "minusDays", "minusHours", "minusMinutes",
      "withTimeAtStartOfDay", "toDate");
  /** Object's own methods are no bean's work: getClass() leads to reflection, wait() holds a thread. */
  static final Set<String> OBJECT_METHODS = Set.of("getClass", "wait", "notify", "notifyAll", "hashCode", "equals",
      "toString", "clone", "finalize");
  static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
      "processEngine", "processEngineServices", "processEngineConfiguration", "runtime");

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS);

  private ExpressionRules() {
  }

  /** Why a query's expression may not run, or empty when it may. */
  public static Optional<String> refusalForQuery(String expression) {
    Node root = parse(expression);
    if (root == null) {
      return Optional.of("geen geldige expressie");
    }
    if (!(root instanceof AstEval eval) || !queryValue(eval.getChild(0))) {
      return Optional.of("in een zoekvraag of filter zijn alleen currentUser(), currentUserGroups(), now() en "
          + "dateTime() toegestaan (met datumrekenen als plusDays(1)), niet '" + expression + "'");
    }
    return Optional.empty();
  }

  /**
   * The beans a model's expression meets: those whose methods it may call ({@code forModels}), and all
   * of the application's (which, but for those, it may name but not look into).
   */
  public record Beans(Predicate<String> forModels, Predicate<String> any) {
  }

  /** Why a model's expression may not run, or empty when it may. */
  public static Optional<String> refusalForModel(String expression, Beans beans) {
    Node root = parse(expression);
    if (root == null) {
      return Optional.of("geen geldige expressie: '" + expression + "'");
    }
    return modelValue(root, beans)
        ? Optional.empty()
        : Optional.of("expressie '" + expression + "' is niet toegestaan: alleen variabelen, vergelijkingen en "
            + "aanroepen van de beans van het project (zoals deadlines.homeVisit())");
  }

  private static Node parse(String expression) {
    try {
      return PARSER.build(expression).getRoot();
    } catch (TreeBuilderException | IllegalArgumentException notAnExpression) {
      return null;
    }
  }

  private static boolean queryValue(Node node) {
    if (node instanceof AstNested) {
      return queryValue(node.getChild(0));
    }
    if (node instanceof AstFunction function) {
      return FUNCTIONS.contains(function.getName()) && allChildren(function.getChild(0), ExpressionRules::literal);
    }
    if (node instanceof AstMethod method && method.getChild(0) instanceof AstDot dot) {
      return DATE_ARITHMETIC.contains(property(dot)) && dateValue(dot.getChild(0))
          && allChildren(method.getChild(1), ExpressionRules::literal);
    }
    return literal(node);
  }

  private static boolean dateValue(Node node) {
    if (node instanceof AstFunction function) {
      return Set.of("now", "dateTime").contains(function.getName()) && function.getParamCount() == 0;
    }
    return node instanceof AstMethod && queryValue(node);
  }

  private static boolean modelValue(Node node, Beans beans) {
    if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstNested
        || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice) {
      return allChildren(node, child -> modelValue(child, beans));
    }
    if (node instanceof AstText || node instanceof AstIdentifier || literal(node)) {
      return true;
    }
    if (node instanceof AstFunction function) {
      return FUNCTIONS.contains(function.getName())
          && allChildren(function.getChild(0), child -> modelValue(child, beans));
    }
    if (node instanceof AstDot dot) {
      // one property of a variable or of a bean for models, read through its getter
      return dot.getChild(0) instanceof AstIdentifier base && !FORBIDDEN_PROPERTIES.contains(property(dot))
          && (beans.forModels().test(base.getName()) || !beans.any().test(base.getName()));
    }
    if (node instanceof AstBracket bracket) {
      // a variable's entry by a literal key: kinderen[0], melding['naam']; never a bean's
      return bracket.getChild(0) instanceof AstIdentifier base && !beans.any().test(base.getName())
          && (bracket.getChild(1) instanceof AstNumber || bracket.getChild(1) instanceof AstString key
              && !FORBIDDEN_PROPERTIES.contains(String.valueOf(key.eval(null, null))));
    }
    if (node instanceof AstMethod && queryValue(node)) {
      return true; // date arithmetic, as in a query
    }
    if (node instanceof AstMethod method && method.getChild(0) instanceof AstDot dot) {
      return dot.getChild(0) instanceof AstIdentifier base && beans.forModels().test(base.getName())
          && !FORBIDDEN_PROPERTIES.contains(property(dot)) && !OBJECT_METHODS.contains(property(dot))
          && allChildren(method.getChild(1), child -> modelValue(child, beans));
    }
    return false;
  }

  private static boolean literal(Node node) {
    return node instanceof AstString || node instanceof AstNumber || node instanceof AstBoolean
        || node instanceof AstNull;
  }

  private static boolean allChildren(Node node, Predicate<Node> allowed) {
    for (int i = 0; i < node.getCardinality(); i++) {
      if (!allowed.test(node.getChild(i))) {
        return false;
      }
    }
    return true;
  }

  private static String property(AstDot dot) {
    try {
      Field property = AstDot.class.getDeclaredField("property");
      property.setAccessible(true);
      return (String) property.get(dot);
    } catch (ReflectiveOperationException unexpected) {
      throw new IllegalStateException("JUEL's AstDot changed: adapt ExpressionRules", unexpected);
    }
  }
}
