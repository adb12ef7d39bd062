package nl.blijvendveilig.platform;

import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.JuelExpression;
import org.camunda.bpm.engine.impl.el.ProcessEngineElContext;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ExpressionFactory;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;
import nl.blijvendveilig.formdata.RejectedInput;
import org.joda.time.DateTime;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager: every expression it builds is held to the model rules, and queries
 * besides to {@link ExpressionRules#refusalForQuery}.
 *
 * <p>Every expression of a task query or a saved filter, whatever sent it (engine REST, the webapps'
 * REST, a filter's stored query, its {@code orQueries}, in any encoding), is evaluated by the engine
 * without a variable scope ({@code AbstractQuery.evaluateExpressions}); process models always
 * evaluate with one. So an expression evaluated without a scope is a query's: it is checked before it
 * runs, and runs in a context that resolves no bean and no variable and invokes nothing but date
 * arithmetic.
 */
public class QueryExpressionGuard extends SpringExpressionManager {

  private final ExpressionRules.Beans modelBeans;

  public QueryExpressionGuard(ApplicationContext applicationContext, Map<Object, Object> beans) {
    super(applicationContext, beans);
    this.modelBeans = new ExpressionRules.Beans(name -> DeploymentGuard.modelBean(applicationContext, name),
        applicationContext::containsBean);
  }

  /**
   * Every expression the engine builds, a model's while it parses a deployment and a query's, is held to
   * the model rules first ({@link ExpressionRules#refusalForModel}): whatever way the text reached the
   * engine (split by an XML comment or CDATA, in an attribute the deployment check does not know).
   */
  @Override
  public Expression createExpression(String expression) {
    ensureInitialized();
    if (expression != null && (expression.contains("${") || expression.contains("#{"))) {
      ExpressionRules.refusalForModel(expression, modelBeans).ifPresent(reason -> {
        throw new RejectedInput(Map.of("expressie", reason));
      });
    }
    ValueExpression valueExpression = createValueExpression(expression);
    return new JuelExpression(valueExpression, this, expression) {
      @Override
      public Object getValue(VariableScope variableScope, BaseDelegateExecution contextExecution) {
        if (variableScope == null) {
          ExpressionRules.refusalForQuery(expressionText).ifPresent(reason -> {
            throw new RejectedInput(Map.of("expressie", reason));
          });
        }
        return super.getValue(variableScope, contextExecution);
      }
    };
  }

  @Override
  protected ProcessEngineElContext createElContext(VariableScope variableScope) {
    if (variableScope != null) {
      return super.createElContext(variableScope);
    }
    ProcessEngineElContext elContext = new ProcessEngineElContext(functionMapper, new DateArithmeticOnly());
    elContext.putContext(ExpressionFactory.class, expressionFactory);
    return elContext;
  }

  /** Resolves no name and no property; invokes only date arithmetic on a date. */
  static final class DateArithmeticOnly extends ELResolver {

    private final BeanELResolver beans = new BeanELResolver(true);

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      if (base instanceof DateTime && ExpressionRules.DATE_ARITHMETIC.contains(String.valueOf(method))) {
        return beans.invoke(context, base, method, paramTypes, params);
      }
      throw new RejectedInput(Map.of("expressie", "'" + method + "' is in een zoekvraag niet toegestaan"));
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      throw new RejectedInput(Map.of("expressie", "'" + property + "' is in een zoekvraag niet toegestaan"));
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      throw new RejectedInput(Map.of("expressie", "een zoekvraag wijzigt niets"));
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return Collections.emptyIterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return null;
    }
  }
}
