package herd.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generated plain unsigned decimals, as the protocol writes times: {@code 123}, {@code 0123.4500}. */
public final class DecimalTexts {

    private DecimalTexts() {
    }

    public static Arbitrary<String> unsigned(int maxWholeDigits, int maxFractionDigits) {
        Arbitrary<String> whole = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(maxWholeDigits);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(maxFractionDigits);
        return Combinators.combine(whole, fraction).as((w, f) -> f.isEmpty() ? w : w + "." + f);
    }
}
