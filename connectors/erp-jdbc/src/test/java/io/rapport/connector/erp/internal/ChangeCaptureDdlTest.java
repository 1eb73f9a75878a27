package io.rapport.connector.erp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.connector.erp.ErpDialect;
import org.junit.jupiter.api.Test;

class ChangeCaptureDdlTest {

    @Test
    void theH2TriggerIsNamedByTheClassThatImplementsIt() {
        assertThat(ChangeCaptureDdl.H2_TRIGGER_CLASS).isEqualTo(H2ChangeTrigger.class.getName());
    }

    @Test
    void postgresTriggerFunctionsWriteToTheChangeTableOfTheSchemaTheyWereInstalledIn() {
        assertThat(ChangeCaptureDdl.install(ErpDialect.POSTGRESQL, "erp"))
                .anySatisfy(sql -> assertThat(sql).contains("INSERT INTO \"erp\".rapport_change"));
    }
}
