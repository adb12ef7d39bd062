package nl.blijvendveilig.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean whose methods the process models may call in expressions ({@code ${deadlines.homeVisit()}}).
 * A model names any bean (a delegate: {@code ${recordContact}}), but calls methods or reads properties
 * only of these: see {@link ExpressionRules} and {@link DeploymentGuard}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ForModels {
}
