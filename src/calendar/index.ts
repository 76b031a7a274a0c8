// The calendar EDGAR keeps: US Eastern time and its written forms, calendar days, US federal
// holidays and EDGAR business days. Pure: every instant is passed in, nothing reads a clock.

export * from './eastern-time.ts';
export * from './days.ts';
export * from './holidays.ts';
