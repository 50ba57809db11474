import { Controller, Get, HttpException, HttpStatus, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRead } from '../../auth/access.decorators';
import { RETRY_AFTER_SECONDS } from '../../health/readiness.guard';
import { ProblemDetailsDto } from '../../problem-details/problem-details.dto';
import { Shows } from '../../routes/route.decorators';
import { TimelineLiveService } from './timeline-live.service';

@ApiTags('Timeline')
@Controller('timeline')
export class TimelineLiveHttpController {
  constructor(private readonly live: TimelineLiveService) {}

  @Get('live')
  @Shows('the timeline’s position as it moves (SSE)')
  @PublicRead()
  @ApiOperation({
    summary: 'Live updates of the timeline (server-sent events)',
    description:
      'A `text/event-stream` that says the position the timeline has reached: at once, then each time it moves ' +
      '(`event: position`, `id` and `data: {"position": n}`), and a `: heartbeat` comment when nothing moved for ' +
      '`TIMELINE_LIVE_HEARTBEAT_SECONDS`. Read the new entries with `GET /timeline?minPosition=<position>`. The ' +
      'stream names no entries, so a client sees only what its own reads may show. At most ' +
      '`TIMELINE_LIVE_MAX_CONNECTIONS` streams are open at once per process.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'The stream; it stays open until the client closes it.' })
  @ApiServiceUnavailableResponse({
    type: ProblemDetailsDto,
    description: '`TIMELINE.LIVE_BUSY`: as many streams as allowed are open; try again after `Retry-After`',
  })
  async stream(@Res() reply: FastifyReply): Promise<void> {
    if (!this.live.hasRoom()) {
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      throw new HttpException(
        {
          message: 'As many live timelines as allowed are open; try again later',
          code: 'TIMELINE.LIVE_BUSY',
        },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
    // The stream is written by hand (Fastify: `reply.hijack()`), with the headers the app set so far (security
    // headers, correlation id) and those of an event stream; no proxy may buffer it (`X-Accel-Buffering`).
    reply.hijack();
    reply.raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    await this.live.add(reply.raw);
  }
}
