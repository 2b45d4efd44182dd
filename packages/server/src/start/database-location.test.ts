import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { printableDatabaseUrl, withoutDatabaseSecrets } from './database-location.js';

describe('printableDatabaseUrl', () => {
  it('hides the password of the user info', () => {
    assert.equal(printableDatabaseUrl('postgres://cx:s3cret@db.example:5432/lab'), 'postgres://cx:***@db.example:5432/lab');
    assert.equal(printableDatabaseUrl('postgresql://cx:p%40ss%2Fword@db/lab'), 'postgresql://cx:***@db/lab');
  });
  it('hides passwords given as parameters, keeps the others', () => {
    assert.equal(printableDatabaseUrl('postgres://cx@db/lab?password=s3cret&sslmode=require'), 'postgres://cx@db/lab?password=***&sslmode=require');
    assert.equal(printableDatabaseUrl('postgres://db/lab?sslpassword=k&application_name=cxr'), 'postgres://db/lab?sslpassword=***&application_name=cxr');
  });
  it('leaves a URL without secrets as it is', () => {
    assert.equal(printableDatabaseUrl('postgres://postgres@127.0.0.1:5432/test'), 'postgres://postgres@127.0.0.1:5432/test');
  });
  it('hides what looks like a password in something that is not a URL', () => {
    assert.equal(printableDatabaseUrl('cx:s3cret@db'), 'cx:***@db');
  });
});

describe('withoutDatabaseSecrets', () => {
  it('replaces every copy of the URL in a message', () => {
    const url = 'mysql://u:pw1@h/d';
    assert.equal(withoutDatabaseSecrets(`bad ${url}; got ${url}`, url), 'bad mysql://u:***@h/d; got mysql://u:***@h/d');
    assert.equal(withoutDatabaseSecrets('no url here', undefined), 'no url here');
  });
});
