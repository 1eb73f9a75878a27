package io.rapport.core.party;

/** What kind of party a record describes. A record with an organization but no person name is an organization. */
public enum PartyType {
    PERSON,
    ORGANIZATION
}
