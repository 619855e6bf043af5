declare module "virtual:decks" {
  export const decks: {
    name: string;
    title: string;
    markdown: string;
    zh?: { title: string; markdown: string };
  }[];
}
