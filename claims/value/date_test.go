package value

import (
	"testing"
	"time"

	"github.com/claimdiff/claimdiff/claims/value/webtime"
)

func TestParseDuration(t *testing.T) {
	const year, month = 365.25, 30.4375
	runParseCases(t, Spec{Type: Duration}, []parseCase{
		{name: "days", raw: "100 days", want: pt(100)},
		{name: "one day", raw: "1 day", want: pt(1)},
		{name: "years", raw: "10 years", want: pt(10 * year)},
		{name: "word months", raw: "six months", want: pt(6 * month)},
		{name: "word years", raw: "twelve years", want: pt(12 * year)},
		{name: "weeks", raw: "2 weeks", want: pt(14)},
		{name: "hours", raw: "48 hours", want: pt(2)},
		{name: "glued hours", raw: "48h", want: pt(2)},
		{name: "glued years", raw: "10y", want: pt(10 * year)},
		{name: "decade", raw: "a decade", want: pt(10 * year)},
		{name: "a year", raw: "a year", want: pt(year)},
		{name: "fraction", raw: "1.5 years", want: pt(1.5 * year)},
		{name: "minutes", raw: "90 minutes", want: pt(90.0 / 1440)},
		{name: "at least", raw: "at least 10 years", want: atLeastSet(10 * year)},
		{name: "within", raw: "within 100 days", want: atMostSet(100)},
		{name: "up to", raw: "up to 6 months", want: atMostSet(6 * month)},
		{name: "about", raw: "about 6 months", want: about(6*month, 0.95*6*month, 1.05*6*month)},
		{name: "range shares unit", raw: "5 to 10 years", want: span(5*year, 10*year)},
		{name: "range with hyphen", raw: "5-10 years", want: span(5*year, 10*year)},
		{name: "range of units", raw: "between 6 months and 2 years", want: span(6*month, 2*year)},

		{name: "no unit", raw: "100", err: `"100" has no unit of time (days, weeks, months, years)`},
		{name: "unknown unit", raw: "100 fortnights and a day", err: "is not a duration"},
		{name: "article alone", raw: "a", err: "is not a duration"},
		{name: "ago", raw: "10 years ago", err: "is not a duration"},
	})
	// A topic may say what a bare number counts.
	runParseCases(t, Spec{Type: Duration, Unit: "years"}, []parseCase{
		{name: "default unit", raw: "10", want: pt(10 * year)},
		{name: "written unit wins", raw: "10 days", want: pt(10)},
	})
}

func dayOf(y int, m time.Month, d int) float64 {
	return float64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func TestParseDate(t *testing.T) {
	nov27 := dayOf(2025, 11, 27)
	runParseCases(t, Spec{Type: Date}, []parseCase{
		{name: "iso", raw: "2025-11-27", want: pt(nov27)},
		{name: "month day year", raw: "November 27, 2025", want: pt(nov27)},
		{name: "short month", raw: "Nov 27, 2025", want: pt(nov27)},
		{name: "abbreviated month", raw: "Nov. 27, 2025", want: pt(nov27)},
		{name: "day month year", raw: "27 Nov 2025", want: pt(nov27)},
		{name: "day long month year", raw: "27 November 2025", want: pt(nov27)},
		{name: "ordinal", raw: "November 27th, 2025", want: pt(nov27)},
		{name: "weekday", raw: "Thursday, November 27, 2025", want: pt(nov27)},
		{name: "sept", raw: "Sept 1, 2025", want: pt(dayOf(2025, 9, 1))},
		{name: "leap day", raw: "2024-02-29", want: pt(dayOf(2024, 2, 29))},
		{name: "before epoch", raw: "1969-12-31", want: pt(-1)},
		{name: "month", raw: "2025-11", want: span(dayOf(2025, 11, 1), dayOf(2025, 11, 30))},
		{name: "month name", raw: "November 2025", want: span(dayOf(2025, 11, 1), dayOf(2025, 11, 30))},
		{name: "february", raw: "2024-02", want: span(dayOf(2024, 2, 1), dayOf(2024, 2, 29))},
		{name: "year", raw: "2025", want: span(dayOf(2025, 1, 1), dayOf(2025, 12, 31))},
		{name: "datetime as its date", raw: "2025-11-27T23:30:00-05:00", want: pt(nov27)},
		{name: "before", raw: "before 2025-11-27", want: lessThanSet(nov27)},
		{name: "after month", raw: "after November 2025", want: moreThanSet(dayOf(2025, 11, 30))},
		{name: "by", raw: "by 2025-11-27", want: atMostSet(nov27)},
		{name: "since year", raw: "since 2025", want: atLeastSet(dayOf(2025, 1, 1))},
		{name: "from alone", raw: "from 2025-11-01", want: atLeastSet(dayOf(2025, 11, 1))},
		{name: "about", raw: "about 2025-11-27", want: about(nov27, nov27-3, nov27+3)},
		{name: "range to", raw: "2025-11-01 to 2025-11-15", want: span(dayOf(2025, 11, 1), dayOf(2025, 11, 15))},
		{name: "range en dash", raw: "2025-11-01–2025-11-15", want: span(dayOf(2025, 11, 1), dayOf(2025, 11, 15))},
		{name: "range spaced hyphen", raw: "2025-11-01 - 2025-11-15", want: span(dayOf(2025, 11, 1), dayOf(2025, 11, 15))},
		{name: "from to", raw: "from Nov 1, 2025 to Nov 15, 2025", want: span(dayOf(2025, 11, 1), dayOf(2025, 11, 15))},
		{name: "slashes", raw: "11/27/2025", want: pt(nov27)}, // more in TestParseWebDate

		{name: "no leap day", raw: "2025-02-29", err: `"2025-02-29" is not a date`},
		{name: "month 13", raw: "2025-13-01", err: "is not a date"},
		{name: "day 32", raw: "32 Nov 2025", err: "is not a date"},
		{name: "day zero", raw: "2025-11-00", err: "is not a date"},
		{name: "no year", raw: "27 Nov", err: `"27 Nov" has no year`},
		{name: "two-digit year", raw: "Nov 27, 25", err: "is not a date"},
		{name: "slashes", raw: "11/27/2025/1", err: "is not a date"},
		{name: "relative", raw: "yesterday", err: "is not a date"},
		{name: "reversed", raw: "2025-11-15 to 2025-11-01", err: "from high to low"},
		{name: "bad time", raw: "2025-11-27T25:00:00Z", err: "is not a date"},
	})
	// A tolerance in days widens exact dates (by half of it each way), not
	// periods.
	runParseCases(t, Spec{Type: Date, Tolerance: Tolerance{Abs: 4, Rel: 0.5}}, []parseCase{
		{name: "widened", raw: "2025-11-27", want: widened(nov27, nov27-2, nov27+2)},
		{name: "month kept", raw: "2025-11", want: span(dayOf(2025, 11, 1), dayOf(2025, 11, 30))},
	})
}

func TestParseDateTime(t *testing.T) {
	at := func(s string) float64 {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return float64(tm.Unix())
	}
	utc := at("2025-11-20T14:40:00Z")
	runParseCases(t, Spec{Type: DateTime}, []parseCase{
		{name: "rfc3339 offset", raw: "2025-11-20T14:40:00+08:00", want: pt(utc - 8*3600)},
		{name: "rfc3339 Z", raw: "2025-11-20T14:40:00Z", want: pt(utc)},
		{name: "fraction", raw: "2025-11-20T14:40:00.5Z", want: pt(utc + 0.5)},
		{name: "space UTC", raw: "2025-11-20 14:40 UTC", want: pt(utc)},
		{name: "GMT", raw: "2025-11-20 14:40 GMT", want: pt(utc)},
		{name: "compact offset", raw: "2025-11-20 14:40 +0800", want: pt(utc - 8*3600)},
		{name: "hour offset", raw: "2025-11-20 14:40+08", want: pt(utc - 8*3600)},
		{name: "UTC offset", raw: "2025-11-20 14:40 UTC-5", want: pt(utc + 5*3600)},
		{name: "one-digit hour", raw: "2025-11-20 9:05 UTC", want: pt(at("2025-11-20T09:05:00Z"))},
		{name: "before", raw: "before 2025-11-20 14:40 UTC", want: lessThanSet(utc)},
		{name: "about", raw: "about 2025-11-20 14:40 UTC", want: about(utc, utc-3600, utc+3600)},
		{name: "date spans every zone", raw: "2025-11-20",
			want: span(at("2025-11-19T10:00:00Z"), at("2025-11-21T11:59:59Z"))},
		// Without a zone, written or the topic's, a clock is that time
		// somewhere from UTC-12 to UTC+14, as a date is that day.
		{name: "no zone", raw: "2025-11-20 14:40", want: span(utc-webtime.ZoneEast, utc+webtime.ZoneWest)},
		{name: "no zone T", raw: "2025-11-20T14:40:00", want: span(utc-webtime.ZoneEast, utc+webtime.ZoneWest)},
		{name: "zone name", raw: "2025-11-20 14:40 CET", want: pt(utc - 3600)}, // more in TestZoneTable

		{name: "hour 25", raw: "2025-11-20 25:40 UTC", err: "is not a date and time"},
		{name: "bad offset", raw: "2025-11-20T14:40:00+08:0", err: "is not a date and time"},
		{name: "offset past UTC+14", raw: "2025-11-20 14:40 +15:00", err: "is not a date and time"},
		{name: "garbage", raw: "the day after", err: "is not a date and time"},
		{name: "no date", raw: "noon", err: `"noon" has no date`},
	})
	// Tolerances of time are in days; two hours widen by one each way.
	runParseCases(t, Spec{Type: DateTime, Tolerance: Tolerance{Abs: 2.0 / 24}}, []parseCase{
		{name: "hour tolerance", raw: "2025-11-20T14:40:00Z", want: widened(utc, utc-3600, utc+3600)},
	})
}
