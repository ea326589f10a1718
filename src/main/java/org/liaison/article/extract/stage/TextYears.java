package org.liaison.article.extract.stage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.RuleBook;

/**
 * The year an article without a publication date is written in, as far as its own text tells:
 * the latest past year it names ("the 2021 Spring Meeting", "năm 2024", "September 28, 2023"),
 * or the year an anniversary falls in ("10th anniversary" of an event of 2013: 2023). Reports
 * name the current year for what happens now and earlier years for background, so the latest
 * year named is the best evidence there is; targets and plans ("by 2030", "đến năm 2030",
 * "tầm nhìn 2045", the end of "2021-2025") name future years and are not counted.
 */
final class TextYears {

    /** How far before a year the words of a plan are looked for. */
    private static final int PLAN_REACH = 50;
    /** How far before a year the words looking ahead to it are looked for: they often name the event first. */
    private static final int AHEAD_REACH = 100;

    private final Pattern year;
    /** What before a year makes it a target, a plan or the end of a period, not a year the article lives in. */
    private final Pattern targetBefore;
    /** What before a year makes it a plan's ("dự kiến tổ chức ... vào năm 2026", "giai đoạn 2026 - 2028"). */
    private final Pattern planBefore;
    /** What before a year looks ahead to it ("hướng tới kỷ niệm ... vào năm 2025", "ahead of the anniversary in 2025"). */
    private final Pattern aheadBefore;
    /** What after a number makes it an amount ("2020 tons", "1990 người"), not a year. */
    private final Pattern amountAfter;
    private final Pattern anniversary;
    /** What before a year says the sides reviewed that year's results. */
    private final Pattern reviewBefore;

    TextYears(RuleBook rules) {
        this.year = rules.pattern("years.year");
        this.targetBefore = rules.pattern("years.target_before");
        this.planBefore = rules.pattern("years.plan_before");
        this.aheadBefore = rules.pattern("years.ahead_before");
        this.amountAfter = rules.pattern("years.amount_after");
        this.anniversary = rules.pattern("years.anniversary");
        this.reviewBefore = rules.pattern("years.review_before");
    }

    /**
     * The latest year whose results the text says the sides reviewed ("kết quả hợp tác năm 2024", "reviewed the results
     * of cooperation in 2023"), or null. Such a review is held from the November of that year to the October after.
     */
    Integer reviewed(String text, int maxYear) {
        Integer latest = null;
        Matcher m = year.matcher(text);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (y <= maxYear && reviewBefore.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find()) {
                latest = latest == null ? y : Math.max(latest, y);
            }
        }
        return latest;
    }

    /** The latest year the folded text supports, not after {@code maxYear}; null when it names none. */
    Integer latest(String text, int maxYear) {
        Integer latest = null;
        Integer earliest = null;
        Matcher m = year.matcher(text);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            String before = text.substring(Math.max(0, m.start() - 20), m.start());
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 12));
            if (y > maxYear || amountAfter.matcher(after).find()) {
                continue;
            }
            earliest = earliest == null ? y : Math.min(earliest, y);
            if (!targetBefore.matcher(before).matches()
                    && !planBefore.matcher(text.substring(Math.max(0, m.start() - PLAN_REACH), m.start())).matches()
                    && !aheadBefore.matcher(text.substring(Math.max(0, m.start() - AHEAD_REACH), m.start())).matches()) {
                latest = latest == null ? y : Math.max(latest, y);
            }
        }
        if (earliest != null) {
            // "the 10th anniversary" of the earliest event the text dates: the year it is celebrated in
            Matcher a = anniversary.matcher(text);
            while (a.find()) {
                String n = a.group(1) != null ? a.group(1) : a.group(2) != null ? a.group(2) : a.group(3);
                int y = earliest + Integer.parseInt(n);
                if (y <= maxYear && (latest == null || y > latest)) {
                    latest = y;
                }
            }
        }
        return latest;
    }
}
