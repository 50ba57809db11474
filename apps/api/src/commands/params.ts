import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ENTITY_ID_PATTERN, FIRST_NETWORK_YEAR, LAST_NETWORK_YEAR } from '@app/contracts';

/**
 * A path parameter that must be an entity id: a lowercase UUID, the same rule as ids in bodies (an uppercase id
 * would name another stream). A clear 400 otherwise.
 */
export const uuidParam = (name: string): PipeTransform<string, string> => ({
  transform(value: string): string {
    if (!ENTITY_ID_PATTERN.test(value)) {
      throw new BadRequestException(
        `Path parameter ${name} must be a lowercase UUID, got "${value.slice(0, 80)}"`,
      );
    }
    return value;
  },
});

/** `@UuidParam('doetankId') doetankId: string`: the path parameter, checked by {@link uuidParam}. */
export const UuidParam = (name: string): ParameterDecorator => Param(name, uuidParam(name));

/** A network year in the path (`/network-years/2013/...`). */
export class YearParamPipe implements PipeTransform<string | number, number> {
  // The global ValidationPipe (transform: true) has already turned a `year: number` parameter into a number,
  // NaN for anything that is not one, so accept both.
  transform(value: string | number): number {
    const text = String(value);
    const year = Number(text);
    if (!/^\d{4}$/.test(text) || year < FIRST_NETWORK_YEAR || year > LAST_NETWORK_YEAR) {
      throw new BadRequestException(
        `Path parameter year must be a year from ${FIRST_NETWORK_YEAR} to ${LAST_NETWORK_YEAR}`,
      );
    }
    return year;
  }
}

/** The OpenAPI description of a `:year` path parameter, which {@link YearParamPipe} checks. */
export const ApiYearParam = () =>
  ApiParam({
    name: 'year',
    description: `A year from ${FIRST_NETWORK_YEAR} to ${LAST_NETWORK_YEAR}`,
    schema: { type: 'integer', minimum: FIRST_NETWORK_YEAR, maximum: LAST_NETWORK_YEAR },
    example: 2012,
  });
