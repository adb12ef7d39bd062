package nl.blijvendveilig.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application (mock servlet environment) on an in-memory H2 database and with the job executor off, so a
 * test runs each timer itself after moving the engine clock. All process tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:processtest;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
})
public @interface ProcessTest {
}
