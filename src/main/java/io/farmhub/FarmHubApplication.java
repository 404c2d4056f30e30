package io.farmhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** FarmHub: farm life in (files, sensors, timers), commands through Camel, events out. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FarmHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(FarmHubApplication.class, args);
    }
}
