import { units } from '../../../geo/units';

/**
 * The characters the map's labels have used, as one array that changes only when a label brings a new one:
 * deck.gl then keeps its font atlas (CJK glyphs are costly to rasterise) instead of rebuilding it whenever
 * a label's text changes.
 */
export class LabelCharacters {
  private readonly seen = new Set<string>(
    [
      ...units.flatMap((unit) => [unit.nameZh, unit.nameEn]),
      '0123456789 —≥·',
      'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
    ].flatMap((text) => [...text]),
  );
  private list: string[] = [...this.seen];

  with(labels: readonly { text: string }[]): string[] {
    let grown = false;
    for (const label of labels)
      for (const character of label.text)
        if (character !== '\n' && !this.seen.has(character)) {
          this.seen.add(character);
          grown = true;
        }
    if (grown) this.list = [...this.seen];
    return this.list;
  }
}
