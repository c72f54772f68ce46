/** GB 3095-2026 Table 4: a daily (24-hour) mean needs at least 20 hourly values, an 8-hour mean 6. */
export const minimumHoursFor24h = 20;
export const minimumHoursFor8h = 6;
/** HJ 663 (cited by HJ 633-2026 §6.1): the daily maximum 8-hour O3 needs 14 valid 8-hour means. */
export const minimumMeansForMax8h = 14;
/** Our choice: the daily maximum 1-hour O3 (2012 daily report) needs a valid day, as a daily mean does. */
export const minimumHoursForMax1h = minimumHoursFor24h;
