import { expect, test } from "./fixtures";

for (const route of ["/", "/report", "/charter"]) {
  test(`${route}?municipality=<unknown> answers 404 and lists the municipalities served`, async ({
    page,
  }) => {
    const response = await page.goto(`${route}?municipality=atlantida`);
    expect(response!.status()).toBe(404);
    const served = page.getByTestId("served-municipalities");
    await expect(served.getByRole("link", { name: "Ćuprija" })).toHaveAttribute(
      "href",
      "/?municipality=cuprija",
    );
  });
}

test("the categories API refuses an unknown municipality with 404 and the codes served", async ({
  request,
}) => {
  const response = await request.get("/api/categories?municipality=atlantida");
  expect(response.status()).toBe(404);
  const body = await response.json();
  expect(JSON.stringify(body)).toContain("cuprija");
});
