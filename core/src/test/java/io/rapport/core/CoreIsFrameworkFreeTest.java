package io.rapport.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The hexagon's centre stays plain Java so it can be reasoned about and tested without a container. */
class CoreIsFrameworkFreeTest {

    @Test
    void coreDependsOnNoFramework() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rapport.core");

        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.camel..", "jakarta..", "org.apache.activemq..")
                .check(core);
    }
}
