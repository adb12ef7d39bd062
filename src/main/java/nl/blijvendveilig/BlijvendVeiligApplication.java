package nl.blijvendveilig;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BlijvendVeiligApplication {

  public static void main(String[] args) {
    SpringApplication.run(BlijvendVeiligApplication.class, args);
  }
}
