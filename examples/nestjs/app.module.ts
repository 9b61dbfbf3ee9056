import { Body, Controller, Module, Post } from "@nestjs/common";
import { TencentWebhooksModule } from "../../adapters/nestjs/index.js";
import { TencentHandlers } from "./handlers.js";

@Controller("api")
class EchoController {
  /** The app's own JSON routes keep Nest's body parser and its limits. */
  @Post("echo")
  echo(@Body() body: unknown) {
    return body;
  }
}

@Module({
  imports: [
    TencentWebhooksModule.forRootAsync({
      useFactory: () => ({
        callback: { path: "/tencent/callback", sdkAppId: process.env.SDK_APP_ID ?? "1400000000", token: process.env.TENCENT_CALLBACK_TOKEN },
        // Your TRTC console's callback key (the example's default only lets it start).
        trtc: { path: "/tencent/trtc", sdkAppId: process.env.SDK_APP_ID ?? "1400000000", key: process.env.TRTC_CALLBACK_KEY ?? "example0key" },
      }),
    }),
  ],
  controllers: [EchoController],
  providers: [TencentHandlers],
})
export class AppModule {}
