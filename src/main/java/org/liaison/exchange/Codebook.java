package org.liaison.exchange;

import java.util.Arrays;
import java.util.List;

/**
 * The closed value sets of the codebook's exchange fields (section 1), in the codebook's order,
 * as enums; {@link Value#code()} is the spelling in JSON, CSV, query parameters and the
 * database (whose CHECK constraints a test holds to these). The lists are derived once, here.
 */
public final class Codebook {

    /** A codebook value: its spelling. */
    public interface Value {
        String code();
    }

    public enum Precision implements Value {
        DAY, MONTH, YEAR;

        public String code() {
            return lower(this);
        }
    }

    public enum Format implements Value {
        IN_PERSON, ONLINE, PHONE, HYBRID;

        public String code() {
            return lower(this);
        }
    }

    public enum Kind implements Value {
        TALKS, MEETING, COURTESY_CALL, WORKSHOP, SIGNING, OTHER;

        public String code() {
            return lower(this);
        }
    }

    public enum Level implements Value {
        CENTRAL, LOCALITY;

        public String code() {
            return lower(this);
        }
    }

    public enum Status implements Value {
        DRAFT, VERIFIED, REJECTED;

        public String code() {
            return lower(this);
        }
    }

    public enum Role implements Value {
        PARTICIPANT, VENUE, MENTIONED;

        public String code() {
            return lower(this);
        }
    }

    /** The two sides, spelt as ISO 3166-1 alpha-2 codes. */
    public enum Side implements Value {
        VN, CN;

        public String code() {
            return name();
        }
    }

    public enum Language implements Value {
        EN, VI, ZH;

        public String code() {
            return lower(this);
        }
    }

    public static final List<String> PRECISIONS = codes(Precision.values());
    public static final List<String> FORMATS = codes(Format.values());
    public static final List<String> KINDS = codes(Kind.values());
    public static final List<String> LEVELS = codes(Level.values());
    public static final List<String> STATUSES = codes(Status.values());
    public static final List<String> ROLES = codes(Role.values());
    public static final List<String> SIDES = codes(Side.values());
    public static final List<String> LANGUAGES = codes(Language.values());

    private Codebook() {
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> codes(Value[] values) {
        return Arrays.stream(values).map(Value::code).toList();
    }
}
