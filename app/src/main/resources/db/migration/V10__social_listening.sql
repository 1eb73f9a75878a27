-- Social listening (docs/social.md). Portable across H2 and PostgreSQL.

-- Which source record declares which social handle: how a post's author is linked to a customer (the customer is
-- the record's, through customer_record). Kept per record, so merges and splits need no rewrite here.
CREATE TABLE customer_social_handle (
    record_key VARCHAR(1100) NOT NULL,
    network    VARCHAR(32)   NOT NULL,
    handle     VARCHAR(128)  NOT NULL,
    CONSTRAINT pk_customer_social_handle PRIMARY KEY (record_key, network, handle)
);
CREATE INDEX ix_customer_social_handle ON customer_social_handle (network, handle);

-- Message Store of enriched social events: what enrichment found, per post. event_key is '<platform>:<post id>';
-- event_id is the id the API hands out (derived from the key). The payload as it came is kept apart
-- (social_event_payload): the enrich stage looks events up by id and conversation with every batch, and H2 reads a
-- whole row to answer, payload included.
CREATE TABLE social_event (
    event_id        VARCHAR(36)      NOT NULL,
    event_key       VARCHAR(300)     NOT NULL,
    source          VARCHAR(64)      NOT NULL,
    platform        VARCHAR(64)      NOT NULL,
    post_id         VARCHAR(200)     NOT NULL,
    author_key      VARCHAR(300)     NOT NULL,
    conversation_id VARCHAR(200)     NOT NULL,
    posted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    enriched_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    language        VARCHAR(16)      NOT NULL,
    sentiment_label VARCHAR(16)      NOT NULL,
    sentiment_score DOUBLE PRECISION NOT NULL,
    intent          VARCHAR(32)      NOT NULL,
    influence       INTEGER          NOT NULL,
    degree          INTEGER          NOT NULL,
    collapsed_into  VARCHAR(36),
    customer_id     VARCHAR(64),
    CONSTRAINT pk_social_event PRIMARY KEY (event_id)
);

-- The raw payload of each event, as received: the canonical event is read from it again (SocialPayloadReader).
CREATE TABLE social_event_payload (
    event_id  VARCHAR(36)      NOT NULL,
    raw_json  VARCHAR(1048576) NOT NULL,
    CONSTRAINT pk_social_event_payload PRIMARY KEY (event_id)
);
CREATE INDEX ix_social_event_conversation ON social_event (conversation_id);
CREATE INDEX ix_social_event_author ON social_event (author_key);
CREATE INDEX ix_social_event_received ON social_event (received_at);

-- Duplicate and repost collapse: the first event seen under a key owns it; later events with the key collapse into it.
CREATE TABLE social_collapse_key (
    collapse_key VARCHAR(300) NOT NULL,
    event_id     VARCHAR(36)  NOT NULL,
    CONSTRAINT pk_social_collapse_key PRIMARY KEY (collapse_key)
);

-- Every author seen, and their link to a customer: DECLARED (a source record states the handle), PROFILE (scored from
-- profile data, with a confidence), STEWARD (decided by a person). status: LINKED, PROPOSED (awaits review),
-- PROSPECT (no customer); rejected_customer_id: the customer a steward said the author is not, never linked again. The link holds
-- on to one of the customer's source records (anchor_record_key): customer_id follows it through merges and splits.
CREATE TABLE social_author (
    author_key     VARCHAR(300)  NOT NULL,
    platform       VARCHAR(64)   NOT NULL,
    author_id      VARCHAR(200)  NOT NULL,
    handle         VARCHAR(200),
    display_name   VARCHAR(500),
    followers      BIGINT        NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    anchor_record_key VARCHAR(1100),
    customer_id    VARCHAR(64),
    link_method    VARCHAR(16),
    confidence     DOUBLE PRECISION,
    rejected_customer_id VARCHAR(64),
    profile_checked_at   TIMESTAMP WITH TIME ZONE,
    reviewed_by    VARCHAR(128),
    reviewed_at    TIMESTAMP WITH TIME ZONE,
    first_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_social_author PRIMARY KEY (author_key)
);
CREATE INDEX ix_social_author_status ON social_author (status);
CREATE INDEX ix_social_author_customer ON social_author (customer_id);

-- What the rules decided for an event, and what became of it: PLANNED, DONE, FAILED, THROTTLED, SKIPPED.
CREATE TABLE social_action (
    action_id   VARCHAR(64)   NOT NULL,
    event_id    VARCHAR(36)   NOT NULL,
    rule_id     VARCHAR(128)  NOT NULL,
    action_type VARCHAR(32)   NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    plan_json   VARCHAR(65536) NOT NULL,
    target_id   VARCHAR(64),
    detail      VARCHAR(4000),
    planned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_social_action PRIMARY KEY (action_id)
);
CREATE INDEX ix_social_action_event ON social_action (event_id);
CREATE INDEX ix_social_action_status ON social_action (status);

-- Leads the hub created, watched for follow-up (the SLA): OPEN until an activity appears (FOLLOWED_UP) or the SLA
-- passes (ESCALATED).
CREATE TABLE social_lead_followup (
    lead_id      VARCHAR(18)   NOT NULL,
    action_id    VARCHAR(64)   NOT NULL,
    owner_id     VARCHAR(18),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    checked_at   TIMESTAMP WITH TIME ZONE,
    closed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_social_lead_followup PRIMARY KEY (lead_id)
);
CREATE INDEX ix_social_lead_followup_status ON social_lead_followup (status, due_at);

-- Posts waiting for a reply, and replies sent (QUEUED, SENT, HELD by the listen/talk guard, DISMISSED).
CREATE TABLE social_reply (
    reply_id      VARCHAR(64)   NOT NULL,
    event_id      VARCHAR(36)   NOT NULL,
    account       VARCHAR(200)  NOT NULL,
    priority      INTEGER       NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    suggested     VARCHAR(4000),
    reply_text    VARCHAR(4000),
    reply_post_id VARCHAR(200),
    queued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_social_reply PRIMARY KEY (reply_id)
);
CREATE INDEX ix_social_reply_status ON social_reply (status, priority);

-- Listen/talk guard: replies sent per brand account and day (what was heard is counted in social_event).
CREATE TABLE social_talk_count (
    account  VARCHAR(200) NOT NULL,
    talk_day DATE         NOT NULL,
    talked   BIGINT       NOT NULL,
    CONSTRAINT pk_social_talk_count PRIMARY KEY (account, talk_day)
);
