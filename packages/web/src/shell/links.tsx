import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from "@mantine/core";
import { createLink } from "@tanstack/react-router";
import { type AnchorHTMLAttributes, forwardRef } from "react";

// Mantine's components as router links: typed `to` and `params`, Mantine's own props kept.
type Html = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "color" | "style">;

const AnchorA = forwardRef<HTMLAnchorElement, AnchorProps & Html>((props, ref) => (
  <Anchor ref={ref} {...props} />
));
const ButtonA = forwardRef<HTMLAnchorElement, ButtonProps & Html>((props, ref) => (
  <Button component="a" ref={ref} {...props} />
));
const NavLinkA = forwardRef<HTMLAnchorElement, NavLinkProps & Omit<Html, "children">>((props, ref) => (
  <NavLink component="a" ref={ref} {...props} />
));

export const AnchorLink = createLink(AnchorA);
export const ButtonLink = createLink(ButtonA);
export const NavLinkTo = createLink(NavLinkA);
