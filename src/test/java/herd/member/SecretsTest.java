package herd.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The admin token from the environment (admin.md, Authorization). */
class SecretsTest {

    @Test
    void aTokenTooShortToBeSafeStopsTheStartNamingTheVariable() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new Secrets(null, null, "short-token").checkedAdminToken());
        assertTrue(e.getMessage().startsWith("HERD_ADMIN_TOKEN: must be at least 16 characters"), e.getMessage());
        assertFalse(e.getMessage().contains("short-token"), "the value is never shown");
    }

    @Test
    void aTokenIsTakenWithoutSurroundingWhiteSpaceAndNeverShown() {
        Secrets secrets = new Secrets(null, null, " 0123456789abcdef\n");
        assertEquals("0123456789abcdef", secrets.checkedAdminToken());
        assertFalse(secrets.toString().contains("0123456789abcdef"));
        assertNull(new Secrets(null, null).checkedAdminToken());
    }
}
