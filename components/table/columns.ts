import type { ReactNode } from 'react';

/** A value a column sorts by: text, a number, or nothing (always last). */
export type SortValue = string | number | undefined;

/**
 * One column of a dashboard table, declared as data and handed to `DataTable`: what the header
 * says, how wide the column is, how a row's cell renders, and what the column sorts by.
 */
export interface TableColumn<Row> {
  readonly id: string;
  readonly header: string;
  /** A CSS grid track, e.g. `8rem` or `minmax(12rem, 2fr)`. */
  readonly width: string;
  readonly cell: (row: Row) => ReactNode;
  /** Present ⇒ the column sorts; the value the rows are ordered by. */
  readonly sortValue?: (row: Row) => SortValue;
  readonly align?: 'start' | 'end';
}

/** One column the rows are ordered by; `desc` reverses it (empty values stay last). */
export interface SortSpec {
  readonly id: string;
  readonly desc: boolean;
}
