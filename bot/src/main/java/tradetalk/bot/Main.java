package tradetalk.bot; public final class Main { public static void main(String[] a){} }
