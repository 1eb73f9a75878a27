package io.rapport.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Checks the passwords of the hub's accounts: {@code {noop}} (a plain value from the environment or a mounted file)
 * compared in constant time, {@code {bcrypt}} and {@code {pbkdf2@SpringSecurity_v5_8}} as configured.
 *
 * <p>Why not Spring's default: it re-hashes a plain password with BCrypt after the first login, and from then on
 * every HTTP Basic request pays a BCrypt check (about 0.1 s of CPU). A script polling the API ten times a second
 * then keeps a core busy. Hashing in memory protects nothing here: the plain value sits in the environment anyway.
 * A {@code {bcrypt}} password still costs that check on every Basic request, by its design.
 */
final class AccountPasswordEncoder {

    private AccountPasswordEncoder() {
    }

    static PasswordEncoder create() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of(
                "bcrypt", new BCryptPasswordEncoder(),
                "pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "noop", new ConstantTimePlain()));
    }

    /** A plain stored value, compared without leaking how many leading characters agree. */
    static final class ConstantTimePlain implements PasswordEncoder {
        @Override
        public String encode(CharSequence rawPassword) {
            return rawPassword.toString();
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return rawPassword != null && encodedPassword != null && MessageDigest.isEqual(
                    rawPassword.toString().getBytes(StandardCharsets.UTF_8),
                    encodedPassword.getBytes(StandardCharsets.UTF_8));
        }
    }
}
