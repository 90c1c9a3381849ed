/**
 * EDI file names. Centre files are `dcccccbb.Xnn`: the data-type letter, the five-digit centre number, the
 * two-digit awarding body identifier, the literal `.X` and the last two digits of the sequence number
 * (JCQ; Aspen writes `E1234570.X03`). Basedata files are named by series instead: `S6A25_70.X01`
 * (type, series code, year, language, awarding body), zipped as `Z6A25_70.zip`. Names are not case sensitive.
 */

/**
 * The parts of an EDI file name.
 *
 * @example
 * ```ts
 * const parts: EdiFileNameParts | undefined = parseEdiFileName('E1234570.X03');
 * parts?.centreNumber; // '12345'
 * ```
 */
export interface EdiFileNameParts {
  /** The data-type letter, upper case. */
  readonly dataType: string;
  /** Centre files: the centre number. */
  readonly centreNumber?: string;
  /** Basedata files: series code (2), year (2) and language (`_`, `C`, `B`). */
  readonly series?: { readonly code: string; readonly year: string; readonly language: string };
  readonly awardingBodyId: string;
  /** The two-digit extension number (`X03` → `03`); absent for a zip. */
  readonly sequence?: string;
  /** Whether it is a zipped basedata set. */
  readonly zip: boolean;
}

/**
 * Builds a centre file name, `dcccccbb.Xnn`, from the last two digits of the sequence number.
 *
 * @param dataType - `E`, `A`, `F` or `R`
 * @param centreNumber - five digits
 * @param awardingBodyId - two digits, e.g. `70`
 * @param sequence - the file sequence number (1–999)
 * @example
 * ```ts
 * ediFileName('E', '12345', '70', 3); // 'E1234570.X03'
 * ediFileName('A', '12345', '70', 112); // 'A1234570.X12'
 * ```
 */
export function ediFileName(dataType: string, centreNumber: string, awardingBodyId: string, sequence: number): string {
  return `${dataType.toUpperCase()}${centreNumber}${awardingBodyId}.X${String(sequence % 100).padStart(2, '0')}`;
}

/**
 * Reads an EDI file name (centre or basedata, or a basedata zip), or `undefined` when it is not one.
 *
 * @param name - a file name, with or without a directory
 * @example
 * ```ts
 * parseEdiFileName('S6A25_70.X01'); // { dataType: 'S', series: { code: '6A', year: '25', language: '_' }, awardingBodyId: '70', sequence: '01', zip: false }
 * parseEdiFileName('r1234570.x02')?.centreNumber; // '12345'
 * ```
 */
export function parseEdiFileName(name: string): EdiFileNameParts | undefined {
  const base = name.replace(/^.*[\\/]/, '');
  const centre = /^([EAFR])(\d{5})(\d{2})\.X(\d{2})$/i.exec(base);
  if (centre) {
    return { dataType: centre[1]!.toUpperCase(), centreNumber: centre[2]!, awardingBodyId: centre[3]!, sequence: centre[4]!, zip: false };
  }
  const broadcast = /^([SOCLDZ])([1-9A-C][A-Z0-9])(\d{2})([_CB])(\d{2})\.(?:X(\d{2})|(zip|exe))$/i.exec(base);
  if (broadcast) {
    const zip = broadcast[7] !== undefined;
    const dataType = broadcast[1]!.toUpperCase();
    if (zip !== (dataType === 'Z')) return undefined;
    return {
      dataType,
      series: { code: broadcast[2]!, year: broadcast[3]!, language: broadcast[4]!.toUpperCase() },
      awardingBodyId: broadcast[5]!,
      ...(broadcast[6] === undefined ? {} : { sequence: broadcast[6] }),
      zip,
    };
  }
  return undefined;
}
