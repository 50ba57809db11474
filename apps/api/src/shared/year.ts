import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const MESSAGE = '$property must be a four-digit year, e.g. 2012';

/** A four-digit year in a query parameter (`2012`), as a number; `99` or `02012` are refused. */
export const IsFourDigitYear = (min = 1000, max = 9999): PropertyDecorator => {
  const decorators = [
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value,
    ),
    IsInt({ message: MESSAGE }),
    Min(min, { message: min === 1000 ? MESSAGE : `$property must be a year from ${min} to ${max}` }),
    Max(max, { message: max === 9999 ? MESSAGE : `$property must be a year from ${min} to ${max}` }),
  ];
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
};
