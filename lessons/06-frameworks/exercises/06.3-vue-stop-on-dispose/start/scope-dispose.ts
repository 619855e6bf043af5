// 🐨 The component that called this composable can go away mid-answer (Close chat,
//    a route change). Vue calls what you register with onScopeDispose(…) when that
//    component's scope ends.
// 🐨 Register a callback that aborts the answer in progress (controller?.abort()) and
//    unsubscribes from the store (unsubscribe()).
// 💡 Keep the lesson's ?trap=no-dispose switch if you like: `if (trap !== "no-dispose")`.
