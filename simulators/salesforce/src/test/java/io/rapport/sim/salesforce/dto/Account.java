package io.rapport.sim.salesforce.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.camel.component.salesforce.api.dto.AbstractSObjectBase;

/** A minimal Account DTO of the kind camel-salesforce-maven-plugin generates, for the typed operations. */
public class Account extends AbstractSObjectBase {

    private String industry;
    private String rapportId;

    public Account() {
        getAttributes().setType("Account");
    }

    public static Account named(String name, String industry, String rapportId) {
        Account account = new Account();
        account.setName(name);
        account.setIndustry(industry);
        account.setRapportId(rapportId);
        return account;
    }

    @JsonProperty("Industry")
    public String getIndustry() {
        return industry;
    }

    @JsonProperty("Industry")
    public void setIndustry(String industry) {
        this.industry = industry;
    }

    @JsonProperty("Rapport_Id__c")
    public String getRapportId() {
        return rapportId;
    }

    @JsonProperty("Rapport_Id__c")
    public void setRapportId(String rapportId) {
        this.rapportId = rapportId;
    }
}
