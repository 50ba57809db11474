import 'reflect-metadata';
import { HttpException } from '@nestjs/common';
import { RecordGatheringReportRequestDto } from '../gatherings/commands/record-gathering-report/record-gathering-report.request.dto';
import { JoinNetworkRequestDto } from '../members/commands/join-network/join-network.request.dto';
import { toProblem } from '../problem-details/problem-details.filter';
import { ApiValidationPipe } from './api-validation.pipe';

/** The API's own pipe, as app.factory configures it. */
const pipe = new ApiValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
});

/** The problem a body would get. */
async function problemOf(metatype: new () => object, body: unknown) {
  try {
    await pipe.transform(body, { type: 'body', metatype });
  } catch (error) {
    expect(error).toBeInstanceOf(HttpException);
    return toProblem(error, '/x');
  }
  throw new Error('the body was accepted');
}

/** A joining the DTO accepts; each spec breaks what it is about. */
const JOINING = {
  name: 'Anna',
  email: 'anna@example.nl',
  organisation: 'Gemeente Zaanstad',
  sector: 'gemeente',
  role: 'professional',
};

describe('ApiValidationPipe', () => {
  it('lists each broken rule by field and constraint, beside the same messages as before', async () => {
    const problem = await problemOf(JoinNetworkRequestDto, {
      ...JOINING,
      email: 'geen-adres',
      organisation: '   ',
      colour: 'blue',
    });
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('REQUEST.INVALID');
    expect(problem.fields).toEqual(
      problem.errors!.map((message) => ({
        field: expect.any(String),
        constraint: expect.any(String),
        message,
      })),
    );
    expect(problem.fields).toEqual(
      expect.arrayContaining([
        { field: 'email', constraint: 'isEmail', message: 'email must be an email' },
        { field: 'organisation', constraint: 'isNotBlank', message: expect.stringMatching(/^organisation /) },
        { field: 'colour', constraint: 'whitelistValidation', message: 'property colour should not exist' },
      ]),
    );
  });

  it('tells a broken rule once when two constraints of a field say the same', async () => {
    // A date-time is checked as ISO 8601 and as RFC 3339; both broken, with one message.
    const problem = await problemOf(JoinNetworkRequestDto, { ...JOINING, occurredAt: 'gisteren' });
    expect(problem.errors).toEqual([expect.stringMatching(/^occurredAt must be an ISO 8601 date-time/)]);
    expect(problem.fields).toEqual([
      { field: 'occurredAt', constraint: 'isIso8601', message: problem.errors![0] },
    ]);
    expect(problem.detail).toBe(`The request is invalid: ${problem.errors![0]}`);
  });

  it('names a field inside a list by its path', async () => {
    const problem = await problemOf(RecordGatheringReportRequestDto, {
      summary: 'Een mooie avond.',
      links: [
        { title: 'Film', url: 'https://example.nl/film' },
        { title: 'Foto’s', url: 'geen-link' },
      ],
    });
    expect(problem.fields).toEqual([
      {
        field: 'links.1.url',
        constraint: expect.any(String),
        message: expect.stringMatching(/^links\.1\.url /),
      },
    ]);
    expect(problem.errors).toEqual(problem.fields!.map((f) => f.message));
  });

  it('names a prototype key it refuses', async () => {
    const problem = await problemOf(JoinNetworkRequestDto, JSON.parse('{"prototype": {}}'));
    expect(problem.fields).toEqual([
      {
        field: 'prototype',
        constraint: 'whitelistValidation',
        message: 'property prototype should not exist',
      },
    ]);
  });
});
