package io.rapport.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class AccountPasswordEncoderTest {

    private final PasswordEncoder encoder = AccountPasswordEncoder.create();

    @Test
    void plainPasswordFromTheEnvironmentMatchesOnlyItself() {
        assertThat(encoder.matches("s3cret-Pass", "{noop}s3cret-Pass")).isTrue();
        assertThat(encoder.matches("s3cret-pass", "{noop}s3cret-Pass")).isFalse();
        assertThat(encoder.matches("s3cret-Pass ", "{noop}s3cret-Pass")).isFalse();
        assertThat(encoder.matches("", "{noop}s3cret-Pass")).isFalse();
    }

    @Test
    void hashedPasswordsStillWork() {
        String hashed = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("s3cret-Pass");
        assertThat(encoder.matches("s3cret-Pass", hashed)).isTrue();
        assertThat(encoder.matches("other", hashed)).isFalse();
    }

    @Test
    void accountsAreNotOfferedForReHashingSoBasicRequestsStayCheap() {
        SecurityProperties properties = new SecurityProperties(
                new SecurityProperties.Account(null, "admin-pw"), new SecurityProperties.Account(null, "operator-pw"),
                new SecurityProperties.Account(null, "viewer-pw"));
        UserDetailsService users = new SecurityConfiguration().users(properties);

        assertThat(users).isNotInstanceOf(UserDetailsPasswordService.class);
        assertThat(encoder.matches("admin-pw", users.loadUserByUsername("admin").getPassword())).isTrue();
        assertThat(users.loadUserByUsername("viewer").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_" + Roles.VIEWER);
        assertThat(users.loadUserByUsername("operator").getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_" + Roles.OPERATOR, "ROLE_" + Roles.VIEWER);
        assertThat(encoder.matches("operator-pw", users.loadUserByUsername("operator").getPassword())).isTrue();
    }

    @Test
    void anAccountPrintsWithoutItsPassword() {
        assertThat(new SecurityProperties.Account("admin", "s3cret-Pass").toString())
                .contains("admin").doesNotContain("s3cret-Pass");
    }
}
