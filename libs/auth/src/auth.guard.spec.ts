import {
  Catch,
  Controller,
  Get,
  type ArgumentsHost,
  type ExceptionFilter,
  type INestApplication,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { Response } from 'express';
import type { Server } from 'node:http';
import request from 'supertest';
import { AuthError } from './auth.errors';
import { CurrentUser, Public, Roles } from './auth.metadata';
import { AuthModule } from './auth.module';
import type { AuthenticatedUser } from './authenticated-user';
import { SigningKeyStore } from './signing-key-store';
import { TokenSigner } from './token-signer';

// Stands in for the platform's error filter, which maps any error with code + status.
@Catch(AuthError)
class AuthErrorFilter implements ExceptionFilter {
  catch(error: AuthError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(error.status)
      .json({ code: error.code, message: error.message });
  }
}

@Controller('proposals')
class ProposalsController {
  @Public()
  @Get('public')
  open(): { ok: true } {
    return { ok: true };
  }

  @Get('mine')
  mine(@CurrentUser() user: AuthenticatedUser): { accountId: string } {
    return { accountId: user.accountId };
  }

  @Roles('local_admin', 'national_admin')
  @Get('review')
  review(): { ok: true } {
    return { ok: true };
  }
}

@Public()
@Controller('catalogue')
class CatalogueController {
  @Get()
  list(): { ok: true } {
    return { ok: true };
  }
}

const operator: AuthenticatedUser = {
  accountId: 'acc_op',
  roles: ['unit_operator'],
  institutionId: 'inst_a',
  unitId: 'unit_1',
  locale: 'id',
};
const localAdmin: AuthenticatedUser = {
  accountId: 'acc_la',
  roles: ['local_admin'],
  institutionId: 'inst_a',
  unitId: null,
  locale: 'en',
};

describe('AuthGuard', () => {
  let app: INestApplication<Server>;
  let signer: TokenSigner;

  beforeAll(async () => {
    signer = await TokenSigner.generate('EdDSA', 'k-guard');
    const store = new SigningKeyStore();
    store.loadFromJwks({ keys: [signer.publicJwk()] });

    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ store })],
      controllers: [ProposalsController, CatalogueController],
      providers: [{ provide: APP_FILTER, useClass: AuthErrorFilter }],
    }).compile();
    app = moduleRef.createNestApplication<INestApplication<Server>>();
    app.useLogger(false);
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  const bearer = async (user: AuthenticatedUser): Promise<string> =>
    `Bearer ${await signer.sign(user, { ttlSeconds: 60 })}`;

  it('should open a @Public() route to anonymous callers', async () => {
    await request(app.getHttpServer()).get('/proposals/public').expect(200, { ok: true });
  });

  it('should open every route of a @Public() controller', async () => {
    await request(app.getHttpServer()).get('/catalogue').expect(200, { ok: true });
  });

  it('should answer 401 AUTH_TOKEN_MISSING when a protected route gets no token', async () => {
    const response = await request(app.getHttpServer()).get('/proposals/mine').expect(401);
    expect(response.body).toMatchObject({ code: 'AUTH_TOKEN_MISSING' });
  });

  it('should answer 401 AUTH_TOKEN_MISSING when the Authorization header is not a bearer token', async () => {
    const response = await request(app.getHttpServer())
      .get('/proposals/mine')
      .set('Authorization', 'Basic dXNlcjpwYXNz')
      .expect(401);
    expect(response.body).toMatchObject({ code: 'AUTH_TOKEN_MISSING' });
  });

  it('should answer 401 AUTH_TOKEN_INVALID when the token is garbage', async () => {
    const response = await request(app.getHttpServer())
      .get('/proposals/mine')
      .set('Authorization', 'Bearer not.a.token')
      .expect(401);
    expect(response.body).toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
  });

  it('should hand the verified user to the handler when the token is valid', async () => {
    await request(app.getHttpServer())
      .get('/proposals/mine')
      .set('Authorization', await bearer(operator))
      .expect(200, { accountId: 'acc_op' });
  });

  it('should answer 403 AUTH_FORBIDDEN when the user lacks every required role', async () => {
    const response = await request(app.getHttpServer())
      .get('/proposals/review')
      .set('Authorization', await bearer(operator))
      .expect(403);
    expect(response.body).toMatchObject({ code: 'AUTH_FORBIDDEN' });
  });

  it('should answer 200 when the user holds one of the required roles', async () => {
    await request(app.getHttpServer())
      .get('/proposals/review')
      .set('Authorization', await bearer(localAdmin))
      .expect(200, { ok: true });
  });

  it('should check the token before the roles', async () => {
    const response = await request(app.getHttpServer()).get('/proposals/review').expect(401);
    expect(response.body).toMatchObject({ code: 'AUTH_TOKEN_MISSING' });
  });
});
