import { expect } from "vitest";
import { AppError, type TErrorCode } from "@/lib/errors/app-error";

// Awaits a call that must fail with one of our expected errors and returns it for further checks.
export async function expectAppError(promise: Promise<unknown>, code: TErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}
