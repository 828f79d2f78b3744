/**
 * A compact hash table from 16-digit identity numbers (NIK, KK) to a non-negative integer,
 * for duplicate checks over files of millions of rows: 12 bytes a slot in typed arrays instead
 * of ~80 bytes an entry in a `Map<string, number>`. Open addressing, linear probing, grows at
 * 70% load. Keys must be 16 ASCII digits (validated before they get here).
 */
export class IdTable {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 16) {
    let slots = 1;
    while (slots < capacity * 2) slots <<= 1;
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.values = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
  }

  private slot(hi: number, lo: number): number {
    let h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    let i = h & this.mask;
    while (this.values[i] !== -1 && (this.hi[i] !== hi || this.lo[i] !== lo)) i = (i + 1) & this.mask;
    return i;
  }

  /**
   * By the number's two halves: its first eight digits and its last eight, as numbers. (An
   * empty slot is marked by the value -1, so (0, 0) is a key like any other.)
   */
  getKey(hi: number, lo: number): number | undefined {
    const v = this.values[this.slot(hi, lo)] as number;
    return v === -1 ? undefined : v;
  }

  /** Stores `value` for a number unless present; returns the value already stored, if any. */
  setIfAbsentKey(hi: number, lo: number, value: number): number | undefined {
    const i = this.slot(hi, lo);
    const existing = this.values[i] as number;
    if (existing !== -1) return existing;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.values[i] = value;
    this.size++;
    if (this.size * 10 > this.values.length * 7) this.grow();
    return undefined;
  }

  private grow() {
    const { hi, lo, values } = this;
    const slots = values.length * 2;
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.values = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
    for (let j = 0; j < values.length; j++) {
      const v = values[j] as number;
      if (v === -1) continue;
      const i = this.slot(hi[j] as number, lo[j] as number);
      this.hi[i] = hi[j] as number;
      this.lo[i] = lo[j] as number;
      this.values[i] = v;
    }
  }
}

/** A growable Int32 array indexed by row. */
export class IntColumn {
  private data = new Int32Array(1 << 16);
  set(i: number, v: number) {
    if (i >= this.data.length) {
      let n = this.data.length;
      while (n <= i) n *= 2;
      const next = new Int32Array(n);
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
  }
  get(i: number): number {
    return i < this.data.length ? (this.data[i] as number) : 0;
  }
}
