// Number formatting for the UI (Intl, en-US). Rates carry their counts where shown.
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export const fmtInt = (n: number | null | undefined) => (n === null || n === undefined ? 'n/a' : int.format(n));
export const fmtMoney = (n: number | null | undefined) => (n === null || n === undefined ? 'n/a' : money.format(n));
export const fmtPct = (r: number | null | undefined, digits = 1) => (r === null || r === undefined ? 'n/a' : `${(r * 100).toFixed(digits)}%`);
