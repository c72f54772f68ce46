/**
 * A number written in plain decimal notation, as spreadsheets and feeders write them: "12", "-0.5", "3.",
 * ".5". Hex (0x10), binary, octal, exponents, "Infinity" and blanks are not numbers here, although
 * JavaScript's Number() reads them.
 */
const decimal = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The value of a decimal text (surrounding spaces ignored), or null when it is not one. */
export function readDecimal(text: string): number | null {
  const trimmed = text.trim();
  return decimal.test(trimmed) ? Number(trimmed) : null;
}
